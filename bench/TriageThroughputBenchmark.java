import io.supporthub.triage.model.ClassifierTrainer;
import io.supporthub.triage.model.HoldoutSplit;
import io.supporthub.triage.model.LabelledCsv;
import io.supporthub.triage.model.LabelledExample;
import io.supporthub.triage.model.TextClassifier;
import io.supporthub.triage.model.TrainingOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * Measures how many tickets per second one thread classifies with a trained model (tokenising,
 * TF-IDF, scoring and runner-up included; CSV reading and training excluded).
 *
 * <pre>
 * ./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 * taskset -c 0 java -cp target/classes:$(cat target/cp.txt) bench/TriageThroughputBenchmark.java \
 *     ../shared/corpus/tickets/banking77/train.csv text category
 * </pre>
 */
public class TriageThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        List<LabelledExample> all = LabelledCsv.read(Path.of(args[0]), List.of(args[1].split(",")), args[2]).examples();
        HoldoutSplit split = HoldoutSplit.of(all, 0.2, 42);
        TextClassifier classifier = new ClassifierTrainer(TrainingOptions.DEFAULT, line -> { }).train(split.train());
        List<String> texts = split.test().stream().map(LabelledExample::text).toList();
        double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);

        long sink = 0;
        long warmupEnd = System.nanoTime() + 5_000_000_000L; // let the JIT compile the hot path first
        while (System.nanoTime() < warmupEnd) {
            for (String text : texts) {
                sink += classifier.classify(text).label().length();
            }
        }
        int rounds = 0;
        long start = System.nanoTime();
        long measureEnd = start + 10_000_000_000L;
        while (System.nanoTime() < measureEnd) {
            for (String text : texts) {
                sink += classifier.classify(text).label().length();
            }
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // on a shared machine the figure moves with what else runs: say how busy it was
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double perSecond = (double) rounds * texts.size() / seconds;
        System.out.printf("%s %s: %d labels, %d features, mean %.0f chars/ticket%n", Path.of(args[0]).getFileName(),
                args[2], classifier.labels().size(), classifier.featureCount(), meanChars);
        System.out.printf("%.0f tickets/s on one thread (%.1f us/ticket), machine load average %.1f [checksum %d]%n",
                perSecond, 1e6 / perSecond, load, sink % 10);
    }
}
