package io.supporthub.triage.model;

/**
 * How text becomes features: word unigrams (and bigrams), character n-grams inside words, and the
 * share of the vector's squared length that the word block gets against the character block.
 */
public record FeatureSettings(boolean wordBigrams, int charMin, int charMax, float wordShare, int minDocFrequency) {

    /** Defaults chosen on validation splits carved from training data only (docs/triage-quality.md). */
    public static final FeatureSettings DEFAULT = new FeatureSettings(true, 2, 5, 0.5f, 2);

    public FeatureSettings {
        if (charMin < 1 || charMax < charMin || charMax > 8) {
            throw new IllegalArgumentException("character n-gram range must be 1 <= min <= max <= 8");
        }
        if (!(wordShare >= 0 && wordShare <= 1)) {
            throw new IllegalArgumentException("wordShare must be within [0, 1]");
        }
        if (minDocFrequency < 1) {
            throw new IllegalArgumentException("minDocFrequency must be at least 1");
        }
    }
}
