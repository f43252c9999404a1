package io.supporthub.triage.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Trains a TextClassifier with LIBLINEAR and keeps only its weights, so classifying needs no
 * LIBLINEAR; then calibrates its scores on decision values of texts each fold model did not see.
 */
public final class ClassifierTrainer {

    private static final double BIAS = 1.0;

    static {
        Linear.disableDebugOutput(); // the solver would otherwise print iterations to stdout
    }

    private final TrainingOptions options;
    private final Consumer<String> progress;

    public ClassifierTrainer(TrainingOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Weights in our layout: feature-major {@code weights[feature * labels + label]}, and one bias per label. */
    record LinearWeights(float[] weights, float[] bias) {
    }

    public TextClassifier train(List<LabelledExample> examples) {
        List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledExample::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs at least two different labels, found " + labels);
        }
        long start = System.nanoTime();
        List<String> texts = examples.stream().map(LabelledExample::text).toList();
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(options.features(), texts);
        progress.accept(String.format("features: %d (seen in >= %d texts), %d labels, %d examples",
                vectorizer.dimension(), options.features().minDocFrequency(), labels.size(), examples.size()));

        SparseVector[] x = texts.stream().map(vectorizer::vectorize).toArray(SparseVector[]::new);
        int[] y = examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        progress.accept(String.format("training %s, C=%s ...", options.loss(), options.c()));
        LinearWeights model = fit(x, y, labels.size(), vectorizer.dimension(), allRows(x.length));
        PlattScaling calibration = CalibrationFolds.calibrate(this, x, y, labels.size(), vectorizer.dimension(), progress);
        progress.accept(String.format("trained in %d ms", (System.nanoTime() - start) / 1_000_000));
        return new TextClassifier(labels, vectorizer, model.weights(), model.bias(), calibration);
    }

    TrainingOptions options() {
        return options;
    }

    /** Trains on the given rows of x and returns the weights for all labels (a label absent from the rows gets none). */
    LinearWeights fit(SparseVector[] x, int[] y, int labelCount, int dims, int[] rows) {
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = dims + 1; // the last feature is the constant bias input
        problem.bias = BIAS;
        problem.x = new Feature[rows.length][];
        problem.y = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            SparseVector v = x[rows[r]];
            Feature[] row = new Feature[v.indices().length + 1];
            for (int k = 0; k < v.indices().length; k++) {
                row[k] = new FeatureNode(v.indices()[k] + 1, v.values()[k]); // LIBLINEAR counts from 1
            }
            row[row.length - 1] = new FeatureNode(problem.n, BIAS);
            problem.x[r] = row;
            problem.y[r] = y[rows[r]];
        }
        Parameter parameter = new Parameter(solver(), options.c(), 0.01);
        parameter.setRandom(new Random(options.seed()));
        return weights(Linear.train(problem, parameter), labelCount, dims);
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private SolverType solver() {
        return switch (options.loss()) {
            case LOGISTIC -> SolverType.L2R_LR_DUAL;
            case SQUARED_HINGE -> SolverType.L2R_L2LOSS_SVC_DUAL;
            case CRAMMER_SINGER -> SolverType.MCSVM_CS;
        };
    }

    /**
     * Copies LIBLINEAR's weights into our label order; a two-class model has one vector, the second
     * is its negation. A label the model never saw keeps zero weights and a bias far below the rest.
     */
    private static LinearWeights weights(Model model, int k, int dims) {
        double[] w = model.getFeatureWeights();
        int[] modelLabels = model.getLabels();
        boolean binary = modelLabels.length == 2 && model.getSolverType() != SolverType.MCSVM_CS;
        int vectors = binary ? 1 : modelLabels.length;
        float[] weights = new float[dims * k];
        float[] bias = new float[k];
        java.util.Arrays.fill(bias, -1e3f);
        for (int m = 0; m < vectors; m++) {
            int ours = modelLabels[m];
            for (int f = 0; f < dims; f++) {
                weights[f * k + ours] = (float) w[f * vectors + m];
            }
            bias[ours] = (float) (w[dims * vectors + m] * BIAS);
        }
        if (binary) {
            int positive = modelLabels[0];
            int negative = modelLabels[1];
            for (int f = 0; f < dims; f++) {
                weights[f * k + negative] = -weights[f * k + positive];
            }
            bias[negative] = -bias[positive];
        }
        return new LinearWeights(weights, bias);
    }
}
