package io.supporthub.triage.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits examples into train and test parts per label (stratified) with a seeded shuffle, so that
 * triage-train and triage-eval given the same file, fraction and seed pick complementary parts.
 */
public record HoldoutSplit(List<LabelledExample> train, List<LabelledExample> test) {

    /**
     * For every label (in sorted order) its examples, in file order, are shuffled with one
     * {@code Random(seed)}; the first round(n * fraction) go to test. A label seen once stays in train.
     */
    public static HoldoutSplit of(List<LabelledExample> examples, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be between 0 and 1, got " + fraction);
        }
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        boolean[] inTest = new boolean[examples.size()];
        for (List<Integer> indices : byLabel.values()) {
            Collections.shuffle(indices, random);
            int testCount = (int) Math.round(indices.size() * fraction);
            if (testCount >= indices.size()) {
                testCount = indices.size() - 1;
            }
            for (int k = 0; k < testCount; k++) {
                inTest[indices.get(k)] = true;
            }
        }
        List<LabelledExample> train = new ArrayList<>();
        List<LabelledExample> test = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (inTest[i] ? test : train).add(examples.get(i));
        }
        return new HoldoutSplit(List.copyOf(train), List.copyOf(test));
    }
}
