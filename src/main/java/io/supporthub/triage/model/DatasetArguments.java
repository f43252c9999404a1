package io.supporthub.triage.model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The CSV, columns and optional holdout split shared by triage-train and triage-eval. */
record DatasetArguments(Path input, List<String> textColumns, String labelColumn, Double holdout, long seed) {

    static final Set<String> OPTIONS = Set.of("--input", "--text", "--label", "--holdout", "--seed");
    static final long DEFAULT_SEED = 42;

    static DatasetArguments from(CommandArguments args) throws UsageException {
        Path input = Path.of(args.required("--input"));
        if (!Files.isRegularFile(input)) {
            throw new UsageException("--input " + input + " is not a readable file");
        }
        List<String> columns = Arrays.stream(args.required("--text").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (columns.isEmpty()) {
            throw new UsageException("--text needs at least one column name, e.g. --text subject,body");
        }
        Double holdout = args.has("--holdout") ? args.fraction("--holdout") : null;
        if (holdout == null && args.has("--seed")) {
            throw new UsageException("--seed only applies together with --holdout");
        }
        return new DatasetArguments(input, columns, args.required("--label"), holdout,
                args.integer("--seed", DEFAULT_SEED));
    }

    /**
     * Reads the examples and, with a holdout, keeps the training part (training=true) or exactly the
     * complementary test part; both commands must go through here so their splits agree.
     */
    List<LabelledExample> load(boolean training, PrintStream progress) throws IOException, UsageException {
        LabelledCsv.Result result;
        try {
            result = LabelledCsv.read(input, textColumns, labelColumn);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        progress.printf("read %d labelled rows from %s%s%n", result.examples().size(), input,
                result.skippedUnlabelled() > 0 ? " (skipped " + result.skippedUnlabelled() + " without a label)" : "");
        if (holdout == null) {
            return result.examples();
        }
        HoldoutSplit split = HoldoutSplit.of(result.examples(), holdout, seed);
        List<LabelledExample> part = training ? split.train() : split.test();
        progress.printf("holdout %s (seed %d, stratified by label): using the %s part, %d rows%n",
                holdout, seed, training ? "training" : "held-out", part.size());
        return part;
    }
}
