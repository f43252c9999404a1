package io.supporthub.triage.model;

import java.util.List;

/**
 * A trained linear text classifier: TF-IDF features times one weight vector per label. Immutable
 * and safe to share between threads.
 */
public final class TextClassifier {

    private final List<String> labels;
    private final TfIdfVectorizer vectorizer;
    private final float[] weights; // feature-major: weights[feature * labels + label], so one pass touches one row
    private final float[] bias;

    TextClassifier(List<String> labels, TfIdfVectorizer vectorizer, float[] weights, float[] bias) {
        if (labels.isEmpty() || weights.length != vectorizer.dimension() * labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("weights do not match " + labels.size() + " labels x "
                    + vectorizer.dimension() + " features");
        }
        this.labels = List.copyOf(labels);
        this.vectorizer = vectorizer;
        this.weights = weights;
        this.bias = bias;
    }

    public Prediction classify(CharSequence text) {
        double[] scores = scores(text);
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
     * Per-label scores in [0, 1] summing to 1: the logistic of each one-vs-rest decision value,
     * normalised (as LIBLINEAR does for its probability estimates). A ranking, not a calibrated probability.
     */
    public double[] scores(CharSequence text) {
        int k = labels.size();
        double[] decision = new double[k];
        for (int c = 0; c < k; c++) {
            decision[c] = bias[c];
        }
        SparseVector x = vectorizer.vectorize(text);
        int[] indices = x.indices();
        float[] values = x.values();
        for (int f = 0; f < indices.length; f++) {
            int row = indices[f] * k;
            float v = values[f];
            for (int c = 0; c < k; c++) {
                decision[c] += weights[row + c] * v;
            }
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            decision[c] = 1 / (1 + Math.exp(-decision[c]));
            sum += decision[c];
        }
        for (int c = 0; c < k; c++) {
            decision[c] /= sum;
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
}
