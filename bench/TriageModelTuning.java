import io.supporthub.triage.model.ClassifierTrainer;
import io.supporthub.triage.model.Evaluation;
import io.supporthub.triage.model.FeatureSettings;
import io.supporthub.triage.model.HoldoutSplit;
import io.supporthub.triage.model.LabelledCsv;
import io.supporthub.triage.model.LabelledExample;
import io.supporthub.triage.model.TextClassifier;
import io.supporthub.triage.model.TrainingOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * Compares classifier settings on a validation split carved out of the training 80 % only, so the
 * 20 % test split triage-eval reports on never influences the chosen defaults.
 *
 * <pre>java -cp target/classes:$(cat target/cp.txt) bench/TriageModelTuning.java FILE.csv subject,body queue</pre>
 *
 * With {@code -Dfolds=5 -Drepeats=2} it averages stratified 5-fold cross-validation over two
 * shuffles (for the small Bueck files, where one validation split moves by several points).
 */
public class TriageModelTuning {

    public static void main(String[] args) throws Exception {
        List<LabelledExample> all = LabelledCsv.read(Path.of(args[0]), List.of(args[1].split(",")), args[2]).examples();
        List<LabelledExample> training = HoldoutSplit.of(all, 0.2, 42).train(); // the test 20 % is dropped here
        int folds = Integer.getInteger("folds", 1);
        int repeats = folds > 1 ? Integer.getInteger("repeats", 1) : 1;
        System.out.printf("%s %s: %d training rows, %s%n", args[0], args[2], training.size(),
                folds > 1 ? repeats + " x stratified " + folds + "-fold cross-validation" : "one 80/20 validation split");
        for (String spec : args.length > 3 ? args[3].split(";") : defaultGrid()) {
            TrainingOptions options = parse(spec);
            long start = System.nanoTime();
            double accuracy = 0;
            double macroF1 = 0;
            double logLoss = 0;
            for (int repeat = 0; repeat < repeats; repeat++) {
                for (int fold = 0; fold < folds; fold++) {
                    HoldoutSplit validation = folds > 1 ? fold(training, folds, fold, 7 + repeat) : HoldoutSplit.of(training, 0.2, 7);
                    TextClassifier classifier = new ClassifierTrainer(options, line -> { }).train(validation.train());
                    Evaluation evaluation = Evaluation.of(classifier, validation.test());
                    accuracy += evaluation.accuracy() / (folds * repeats);
                    macroF1 += evaluation.macroF1() / (folds * repeats);
                    logLoss += evaluation.logLoss() / (folds * repeats);
                }
            }
            System.out.printf("%-44s acc %.4f  macroF1 %.4f  log-loss %.3f  %6d ms%n", spec, accuracy, macroF1, logLoss,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Fold k of a seeded, stratified k-fold partition: each label's rows are shuffled and dealt round
     * the folds in turn, so every fold holds each label in proportion (the small queues too).
     */
    static HoldoutSplit fold(List<LabelledExample> rows, int folds, int k, long seed) {
        java.util.Map<String, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byLabel.computeIfAbsent(rows.get(i).label(), label -> new java.util.ArrayList<>()).add(i);
        }
        java.util.Random random = new java.util.Random(seed);
        boolean[] validating = new boolean[rows.size()];
        int dealt = 0;
        for (List<Integer> indices : byLabel.values()) {
            java.util.Collections.shuffle(indices, random);
            for (int j = 0; j < indices.size(); j++) {
                validating[indices.get(j)] = (dealt + j) % folds == k;
            }
            dealt += indices.size();
        }
        List<LabelledExample> fit = new java.util.ArrayList<>();
        List<LabelledExample> validate = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (validating[i] ? validate : fit).add(rows.get(i));
        }
        return new HoldoutSplit(fit, validate);
    }

    static String[] defaultGrid() {
        return new String[] {
            "SQUARED_HINGE c=1 w=0.5 ch=2-5 df=2 cal=0", "SQUARED_HINGE c=1 w=0.5 ch=2-5 df=2 cal=3",
            "SQUARED_HINGE c=0.3 w=0.5 ch=2-5 df=2",
            "SQUARED_HINGE c=3 w=0.5 ch=2-5 df=2", "LOGISTIC c=10 w=0.5 ch=2-5 df=2",
            "LOGISTIC c=30 w=0.5 ch=2-5 df=2", "CRAMMER_SINGER c=1 w=0.5 ch=2-5 df=2",
            "SQUARED_HINGE c=1 w=0.5 ch=1-4 df=2", "SQUARED_HINGE c=1 w=0.3 ch=2-5 df=2",
            "SQUARED_HINGE c=1 w=0.7 ch=2-5 df=2", "SQUARED_HINGE c=1 w=0.5 ch=2-5 df=1",
            "SQUARED_HINGE c=1 w=1 ch=2-5 df=2",
        };
    }

    /**
     * "LOSS c=1 w=0.5 ch=2-5 df=2 cal=3": loss, C, word share, character n-gram range, min document
     * frequency, calibration folds (0: uncalibrated scores).
     */
    static TrainingOptions parse(String spec) {
        String[] parts = spec.trim().split("\\s+");
        double c = 1;
        float w = 0.5f;
        int chMin = 2;
        int chMax = 5;
        int df = 2;
        boolean bigrams = true;
        int calibration = TrainingOptions.DEFAULT.calibrationFolds();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=");
            switch (kv[0]) {
                case "c" -> c = Double.parseDouble(kv[1]);
                case "w" -> w = Float.parseFloat(kv[1]);
                case "ch" -> { chMin = Integer.parseInt(kv[1].split("-")[0]); chMax = Integer.parseInt(kv[1].split("-")[1]); }
                case "df" -> df = Integer.parseInt(kv[1]);
                case "bi" -> bigrams = Boolean.parseBoolean(kv[1]);
                case "cal" -> calibration = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException(parts[i]);
            }
        }
        return new TrainingOptions(new FeatureSettings(bigrams, chMin, chMax, w, df),
                TrainingOptions.Loss.valueOf(parts[0]), c, 42, calibration);
    }
}
