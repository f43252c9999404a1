package io.supporthub.triage.model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The triage-train command: trains a text classifier from a labelled CSV and saves it as a model file. */
public final class TriageTrainCommand {

    static final String USAGE = """
            usage: triage-train --input FILE.csv --text COLUMN[,COLUMN...] --label COLUMN --out MODEL
                                [--holdout FRACTION [--seed N]]
              --input    CSV file with a header row (RFC 4180; UTF-8)
              --text     columns joined into the ticket text, e.g. subject,body
              --label    column holding the label to learn; rows with an empty label are skipped
              --out      where to write the model file
              --holdout  train only on the other part of a stratified split (e.g. 0.2 keeps 20 %
                         aside for triage-eval with the same --holdout and --seed; default seed 42)""";

    private TriageTrainCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Set<String> valued = new HashSet<>(DatasetArguments.OPTIONS);
        valued.add("--out");
        DatasetArguments dataset;
        Path modelFile;
        try {
            CommandArguments parsed = CommandArguments.parse(args, valued, Set.of());
            dataset = DatasetArguments.from(parsed);
            modelFile = Path.of(parsed.required("--out"));
        } catch (UsageException e) {
            return usageError(e, err);
        }
        try {
            return train(dataset.load(true, out), modelFile, out, err);
        } catch (UsageException e) {
            return usageError(e, err);
        } catch (IOException e) {
            err.println("triage-train: " + e.getMessage());
            return 1;
        }
    }

    /** Trains on examples from any source (a CSV, or the hub's own resolved tickets) and saves the model. */
    public static int train(List<LabelledExample> examples, Path modelFile, PrintStream out, PrintStream err) {
        try {
            ClassifierTrainer trainer = new ClassifierTrainer(TrainingOptions.DEFAULT, out::println);
            TextClassifier classifier = trainer.train(examples);
            ModelFile.save(classifier, modelFile);
            out.printf("saved model to %s (%d labels, %d features, %d KiB)%n", modelFile,
                    classifier.labels().size(), classifier.featureCount(), Files.size(modelFile) / 1024);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("triage-train: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("triage-train: " + e.getMessage());
            return 1;
        }
    }

    private static int usageError(UsageException e, PrintStream err) {
        err.println("triage-train: " + e.getMessage());
        err.println(USAGE);
        return 2;
    }
}
