package io.supporthub.triage.model;

import java.util.Arrays;
import java.util.List;

/**
 * Maps a text to a sparse TF-IDF vector over a fixed vocabulary of hashed features; the word and
 * character blocks are each L2-normalised, then weighted by FeatureSettings.wordShare.
 */
final class TfIdfVectorizer {

    private final FeatureSettings settings;
    private final FeatureExtractor extractor;
    private final long[] keys;
    private final float[] idf;
    private final LongIntTable indexByKey;

    TfIdfVectorizer(FeatureSettings settings, long[] keys, float[] idf) {
        if (keys.length != idf.length) {
            throw new IllegalArgumentException("keys and idf differ in length");
        }
        this.settings = settings;
        this.extractor = new FeatureExtractor(settings);
        this.keys = keys;
        this.idf = idf;
        this.indexByKey = new LongIntTable(keys.length);
        for (int i = 0; i < keys.length; i++) {
            indexByKey.put(keys[i], i);
        }
    }

    /** Learns the vocabulary (features in at least minDocFrequency texts) and smoothed IDF weights. */
    static TfIdfVectorizer fit(FeatureSettings settings, List<String> texts) {
        FeatureExtractor extractor = new FeatureExtractor(settings);
        LongIntTable documentFrequency = new LongIntTable(1 << 16);
        LongIntTable counts = new LongIntTable(256);
        for (String text : texts) {
            counts.clear();
            extractor.extract(text, counts);
            for (int s = 0; s < counts.capacity(); s++) {
                if (counts.keyAt(s) != 0) {
                    documentFrequency.add(counts.keyAt(s), 1);
                }
            }
        }
        long[] kept = new long[documentFrequency.size()];
        int n = 0;
        for (int s = 0; s < documentFrequency.capacity(); s++) {
            if (documentFrequency.keyAt(s) != 0 && documentFrequency.valueAt(s) >= settings.minDocFrequency()) {
                kept[n++] = documentFrequency.keyAt(s);
            }
        }
        long[] keys = Arrays.copyOf(kept, n);
        Arrays.sort(keys); // a stable feature order makes training reproducible across runs
        float[] idf = new float[n];
        double docs = texts.size();
        for (int i = 0; i < n; i++) {
            int df = documentFrequency.get(keys[i], 0);
            idf[i] = (float) (Math.log((1 + docs) / (1 + df)) + 1);
        }
        return new TfIdfVectorizer(settings, keys, idf);
    }

    SparseVector vectorize(CharSequence text) {
        LongIntTable counts = new LongIntTable(Math.max(16, text.length() * 2));
        extractor.extract(text, counts);
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        int n = 0;
        double wordSquares = 0;
        double charSquares = 0;
        for (int s = 0; s < counts.capacity(); s++) {
            long key = counts.keyAt(s);
            if (key == 0) {
                continue;
            }
            int index = indexByKey.get(key, -1);
            if (index < 0) {
                continue;
            }
            // sublinear tf: a word said five times is stronger evidence, not five times stronger
            float value = (float) ((1 + Math.log(counts.valueAt(s))) * idf[index]);
            indices[n] = index;
            values[n++] = value;
            if (key < 0) {
                charSquares += value * value;
            } else {
                wordSquares += value * value;
            }
        }
        double wordScale = wordSquares > 0 ? Math.sqrt(settings.wordShare() / wordSquares) : 0;
        double charScale = charSquares > 0 ? Math.sqrt((1 - settings.wordShare()) / charSquares) : 0;
        for (int k = 0; k < n; k++) {
            values[k] *= (float) (keys[indices[k]] < 0 ? charScale : wordScale);
        }
        return sorted(indices, values, n);
    }

    int dimension() {
        return keys.length;
    }

    FeatureSettings settings() {
        return settings;
    }

    long[] keys() {
        return keys;
    }

    float[] idf() {
        return idf;
    }

    private static SparseVector sorted(int[] indices, float[] values, int n) {
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            packed[k] = ((long) indices[k] << 32) | (Float.floatToRawIntBits(values[k]) & 0xffffffffL);
        }
        Arrays.sort(packed);
        int[] sortedIndices = new int[n];
        float[] sortedValues = new float[n];
        for (int k = 0; k < n; k++) {
            sortedIndices[k] = (int) (packed[k] >>> 32);
            sortedValues[k] = Float.intBitsToFloat((int) packed[k]);
        }
        return new SparseVector(sortedIndices, sortedValues);
    }
}
