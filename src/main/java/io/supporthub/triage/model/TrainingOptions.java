package io.supporthub.triage.model;

/**
 * How a classifier is trained: features, the linear model's loss, its inverse regularisation C and
 * the seed for the solver's coordinate order (so the same data always gives the same model).
 */
public record TrainingOptions(FeatureSettings features, Loss loss, double c, long seed) {

    /** The linear model family; all are one-vs-rest except Crammer-Singer. */
    public enum Loss {
        /** L2-regularised logistic regression (dual coordinate descent). */
        LOGISTIC,
        /** L2-regularised L2-loss (squared hinge) support vector classification (dual). */
        SQUARED_HINGE,
        /** Crammer and Singer's multi-class SVM: one joint problem instead of one-vs-rest. */
        CRAMMER_SINGER
    }

    /** Defaults chosen on validation splits carved from training data only (docs/triage-quality.md). */
    public static final TrainingOptions DEFAULT = new TrainingOptions(FeatureSettings.DEFAULT, Loss.SQUARED_HINGE, 1.0, 42);

    public TrainingOptions {
        if (!(c > 0)) {
            throw new IllegalArgumentException("C must be positive");
        }
    }

    public TrainingOptions withC(double newC) {
        return new TrainingOptions(features, loss, newC, seed);
    }

    public TrainingOptions withLoss(Loss newLoss) {
        return new TrainingOptions(features, newLoss, c, seed);
    }

    public TrainingOptions withFeatures(FeatureSettings newFeatures) {
        return new TrainingOptions(newFeatures, loss, c, seed);
    }
}
