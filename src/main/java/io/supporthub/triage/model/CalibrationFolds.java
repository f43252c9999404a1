package io.supporthub.triage.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Out-of-fold decision values for calibration: the training examples are dealt into stratified
 * folds, a model trained on the other folds scores each fold, and Platt scaling is fit on those
 * scores — on what the model says about texts it has not seen, which is how it will be used.
 */
final class CalibrationFolds {

    private CalibrationFolds() {
    }

    /** The identity when calibration is off or a label has fewer examples than there are folds (a fold would miss it). */
    static PlattScaling calibrate(ClassifierTrainer trainer, SparseVector[] x, int[] y, int labelCount, int dims, Consumer<String> progress) {
        int folds = trainer.options().calibrationFolds();
        int[] perLabel = new int[labelCount];
        for (int label : y) {
            perLabel[label]++;
        }
        int smallest = java.util.Arrays.stream(perLabel).min().orElse(0);
        if (folds == 0) {
            return PlattScaling.identity(labelCount);
        }
        if (smallest < folds) {
            progress.accept(String.format("scores not calibrated: a label has %d example(s), fewer than the %d folds calibration needs",
                    smallest, folds));
            return PlattScaling.identity(labelCount);
        }
        progress.accept(String.format("calibrating scores on %d folds ...", folds));
        int[] foldOf = deal(y, folds, trainer.options().seed());
        double[][] decisions = new double[x.length][];
        for (int fold = 0; fold < folds; fold++) {
            List<Integer> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                (foldOf[i] == fold ? held : fit).add(i);
            }
            ClassifierTrainer.LinearWeights model = trainer.fit(x, y, labelCount, dims, fit.stream().mapToInt(Integer::intValue).toArray());
            for (int i : held) {
                decisions[i] = TextClassifier.decisionValues(model.weights(), model.bias(), labelCount, x[i]);
            }
        }
        return PlattScaling.fit(decisions, y, labelCount);
    }

    /** Each label's examples, shuffled with one seeded Random over labels in order, dealt round the folds in turn. */
    static int[] deal(int[] y, int folds, long seed) {
        Map<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            byLabel.computeIfAbsent(y[i], label -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] foldOf = new int[y.length];
        int dealt = 0;
        for (List<Integer> indices : byLabel.values()) {
            Collections.shuffle(indices, random);
            for (int j = 0; j < indices.size(); j++) {
                foldOf[indices.get(j)] = (dealt + j) % folds;
            }
            dealt += indices.size();
        }
        return foldOf;
    }
}
