package io.supporthub.triage.model;

/**
 * How a classifier is trained: features, the linear model's loss, its inverse regularisation C, the
 * seed for the solver's coordinate order and the folds (so the same data always gives the same
 * model), and on how many folds the scores are calibrated (0: not calibrated).
 */
public record TrainingOptions(FeatureSettings features, Loss loss, double c, long seed, int calibrationFolds) {

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
    public static final TrainingOptions DEFAULT = new TrainingOptions(FeatureSettings.DEFAULT, Loss.SQUARED_HINGE, 1.0, 42, 3);

    public TrainingOptions {
        if (!(c > 0)) {
            throw new IllegalArgumentException("C must be positive");
        }
        if (calibrationFolds == 1 || calibrationFolds < 0) {
            throw new IllegalArgumentException("calibration needs 0 (off) or at least 2 folds");
        }
    }

    public TrainingOptions withC(double newC) {
        return new TrainingOptions(features, loss, newC, seed, calibrationFolds);
    }

    public TrainingOptions withLoss(Loss newLoss) {
        return new TrainingOptions(features, newLoss, c, seed, calibrationFolds);
    }

    public TrainingOptions withFeatures(FeatureSettings newFeatures) {
        return new TrainingOptions(newFeatures, loss, c, seed, calibrationFolds);
    }

    public TrainingOptions withCalibrationFolds(int folds) {
        return new TrainingOptions(features, loss, c, seed, folds);
    }
}
