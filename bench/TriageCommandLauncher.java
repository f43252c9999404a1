import io.supporthub.triage.model.TriageEvalCommand;
import io.supporthub.triage.model.TriageTrainCommand;

import java.util.Arrays;
import java.util.List;

/**
 * Runs triage-train / triage-eval from target/classes before the app's dispatcher exists; the
 * runnable jar calls the same run methods.
 *
 * <pre>java -cp target/classes:$(cat target/cp.txt) bench/TriageCommandLauncher.java triage-train --input ...</pre>
 */
public class TriageCommandLauncher {

    public static void main(String[] args) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int code = switch (args[0]) {
            case "triage-train" -> TriageTrainCommand.run(rest, System.out, System.err);
            case "triage-eval" -> TriageEvalCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println("first argument must be triage-train or triage-eval");
                yield 2;
            }
        };
        System.exit(code);
    }
}
