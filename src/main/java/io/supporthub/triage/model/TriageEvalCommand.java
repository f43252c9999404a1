package io.supporthub.triage.model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The triage-eval command: measures a saved model on a labelled CSV (accuracy, macro-F1, confusion matrix). */
public final class TriageEvalCommand {

    static final String USAGE = """
            usage: triage-eval --model MODEL --input FILE.csv --text COLUMN[,COLUMN...] --label COLUMN
                               [--holdout FRACTION [--seed N]] [--json]
              --model    a model file written by triage-train
              --input    CSV file with a header row (RFC 4180; UTF-8)
              --text     columns joined into the ticket text, e.g. subject,body
              --label    column holding the true label
              --holdout  evaluate only the held-out part: the same --holdout and --seed as triage-train
                         give exactly the rows it did not train on (default seed 42)
              --json     print one JSON object: n, accuracy, macro_f1, labels, confusion""";

    private TriageEvalCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Set<String> valued = new HashSet<>(DatasetArguments.OPTIONS);
        valued.add("--model");
        DatasetArguments dataset;
        Path modelFile;
        boolean json;
        try {
            CommandArguments parsed = CommandArguments.parse(args, valued, Set.of("--json"));
            dataset = DatasetArguments.from(parsed);
            modelFile = Path.of(parsed.required("--model"));
            if (!Files.isRegularFile(modelFile)) {
                throw new UsageException("--model " + modelFile + " is not a readable file");
            }
            json = parsed.has("--json");
        } catch (UsageException e) {
            return usageError(e, err);
        }
        // with --json, stdout carries only the JSON object so it can be piped to a tool
        PrintStream progress = json ? err : out;
        try {
            TextClassifier classifier = ModelFile.load(modelFile);
            List<LabelledExample> examples = dataset.load(false, progress);
            if (examples.isEmpty()) {
                err.println("triage-eval: no labelled rows to evaluate");
                return 1;
            }
            long start = System.nanoTime();
            Evaluation evaluation = Evaluation.of(classifier, examples);
            progress.printf("classified %d tickets in %d ms%n", evaluation.n(), (System.nanoTime() - start) / 1_000_000);
            if (json) {
                out.println(evaluation.toJson());
            } else {
                evaluation.print(out);
            }
            return 0;
        } catch (UsageException e) {
            return usageError(e, err);
        } catch (IOException e) {
            err.println("triage-eval: " + e.getMessage());
            return 1;
        }
    }

    private static int usageError(UsageException e, PrintStream err) {
        err.println("triage-eval: " + e.getMessage());
        err.println(USAGE);
        return 2;
    }
}
