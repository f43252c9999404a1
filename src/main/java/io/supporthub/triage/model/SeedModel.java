package io.supporthub.triage.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The category model the hub starts with: trained at start from the team's own seed examples
 * ({@code policies/triage-seed.csv}) unless an organisation's model trained with triage-train is configured.
 */
public final class SeedModel {

    static final String SEED = "/policies/triage-seed.csv";

    private SeedModel() {
    }

    /** The configured model file, or the seed model when the path is empty. */
    public static TextClassifier load(String modelPath) {
        try {
            return modelPath == null || modelPath.isBlank() ? trainSeed() : ModelFile.load(Path.of(modelPath));
        } catch (IOException e) {
            throw new UncheckedIOException("triage model " + modelPath + " cannot be read: " + e.getMessage(), e);
        }
    }

    static TextClassifier trainSeed() throws IOException {
        try (InputStream in = SeedModel.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IOException(SEED + " is missing from the classpath");
            }
            LabelledCsv.Result seed = LabelledCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), List.of("subject", "body"), "category");
            // a hundred short examples: keep every n-gram, however rare
            TrainingOptions options = TrainingOptions.DEFAULT.withFeatures(new FeatureSettings(true, 2, 5, 0.5f, 1));
            return new ClassifierTrainer(options, line -> { }).train(seed.examples());
        }
    }
}
