package io.supporthub.triage.model;

import java.util.List;

/**
 * A trained linear text classifier: TF-IDF features times one weight vector per label, with
 * calibrated scores. Immutable and safe to share between threads.
 */
public final class TextClassifier {

    private final List<String> labels;
    private final TfIdfVectorizer vectorizer;
    private final float[] weights; // feature-major: weights[feature * labels + label], so one pass touches one row
    private final float[] bias;
    private final PlattScaling calibration;

    TextClassifier(List<String> labels, TfIdfVectorizer vectorizer, float[] weights, float[] bias, PlattScaling calibration) {
        if (labels.isEmpty() || weights.length != vectorizer.dimension() * labels.size() || bias.length != labels.size()
                || calibration.slope().length != labels.size()) {
            throw new IllegalArgumentException("weights do not match " + labels.size() + " labels x "
                    + vectorizer.dimension() + " features");
        }
        this.labels = List.copyOf(labels);
        this.vectorizer = vectorizer;
        this.weights = weights;
        this.bias = bias;
        this.calibration = calibration;
    }

    public Prediction classify(CharSequence text) {
        return best(scores(text));
    }

    /** The label with the highest score and the runner-up, from {@link #scores}. */
    Prediction best(double[] scores) {
        int best = 0;
        int second = -1;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                second = best;
                best = c;
            } else if (second < 0 || scores[c] > scores[second]) {
                second = c;
            }
        }
        return second < 0
                ? new Prediction(labels.get(best), scores[best], null, 0)
                : new Prediction(labels.get(best), scores[best], labels.get(second), scores[second]);
    }

    /**
     * Per-label scores in [0, 1] summing to 1: each one-vs-rest decision value through its label's
     * sigmoid, fit at training time on texts the model had not seen (Platt scaling), then normalised
     * as LIBLINEAR does for its one-vs-rest probabilities. Without calibration the sigmoid is the
     * plain logistic: a ranking, not a probability.
     */
    public double[] scores(CharSequence text) {
        int k = labels.size();
        double[] decision = decisionValues(weights, bias, k, vectorizer.vectorize(text));
        double sum = 0;
        for (int c = 0; c < k; c++) {
            decision[c] = calibration.probability(c, decision[c]);
            sum += decision[c];
        }
        for (int c = 0; c < k; c++) {
            decision[c] /= sum;
        }
        return decision;
    }

    /** The linear decision value of every label for one vector, weights in our feature-major layout. */
    static double[] decisionValues(float[] weights, float[] bias, int k, SparseVector x) {
        double[] decision = new double[k];
        for (int c = 0; c < k; c++) {
            decision[c] = bias[c];
        }
        int[] indices = x.indices();
        float[] values = x.values();
        for (int f = 0; f < indices.length; f++) {
            int row = indices[f] * k;
            float v = values[f];
            for (int c = 0; c < k; c++) {
                decision[c] += weights[row + c] * v;
            }
        }
        return decision;
    }

    public List<String> labels() {
        return labels;
    }

    public int featureCount() {
        return vectorizer.dimension();
    }

    TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    float[] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }

    PlattScaling calibration() {
        return calibration;
    }
}
