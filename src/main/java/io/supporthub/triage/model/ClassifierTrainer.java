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

/** Trains a TextClassifier with LIBLINEAR and keeps only its weights, so classifying needs no LIBLINEAR. */
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

        Problem problem = problem(examples, labels, vectorizer);
        Parameter parameter = new Parameter(solver(), options.c(), 0.01);
        parameter.setRandom(new Random(options.seed()));
        progress.accept(String.format("training %s, C=%s ...", options.loss(), options.c()));
        Model model = Linear.train(problem, parameter);
        progress.accept(String.format("trained in %d ms", (System.nanoTime() - start) / 1_000_000));
        return toClassifier(model, labels, vectorizer);
    }

    private static Problem problem(List<LabelledExample> examples, List<String> labels, TfIdfVectorizer vectorizer) {
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = vectorizer.dimension() + 1; // the last feature is the constant bias input
        problem.bias = BIAS;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            SparseVector v = vectorizer.vectorize(examples.get(i).text());
            Feature[] row = new Feature[v.indices().length + 1];
            for (int k = 0; k < v.indices().length; k++) {
                row[k] = new FeatureNode(v.indices()[k] + 1, v.values()[k]); // LIBLINEAR counts from 1
            }
            row[row.length - 1] = new FeatureNode(problem.n, BIAS);
            problem.x[i] = row;
            problem.y[i] = labels.indexOf(examples.get(i).label());
        }
        return problem;
    }

    private SolverType solver() {
        return switch (options.loss()) {
            case LOGISTIC -> SolverType.L2R_LR_DUAL;
            case SQUARED_HINGE -> SolverType.L2R_L2LOSS_SVC_DUAL;
            case CRAMMER_SINGER -> SolverType.MCSVM_CS;
        };
    }

    /** Copies LIBLINEAR's weights into our label order; a two-class model has one vector, the second is its negation. */
    private static TextClassifier toClassifier(Model model, List<String> labels, TfIdfVectorizer vectorizer) {
        int k = labels.size();
        int dims = vectorizer.dimension();
        double[] w = model.getFeatureWeights();
        int[] modelLabels = model.getLabels();
        boolean binary = k == 2 && model.getSolverType() != SolverType.MCSVM_CS;
        int vectors = binary ? 1 : k;
        float[] weights = new float[dims * k];
        float[] bias = new float[k];
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
        return new TextClassifier(labels, vectorizer, weights, bias);
    }
}
