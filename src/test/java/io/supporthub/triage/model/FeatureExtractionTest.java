package io.supporthub.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractionTest {

    private static LongIntTable features(String text, FeatureSettings settings) {
        LongIntTable counts = new LongIntTable(64);
        new FeatureExtractor(settings).extract(text, counts);
        return counts;
    }

    private static List<Long> keys(LongIntTable table) {
        List<Long> keys = new java.util.ArrayList<>();
        for (int s = 0; s < table.capacity(); s++) {
            if (table.keyAt(s) != 0) {
                keys.add(table.keyAt(s));
            }
        }
        return keys;
    }

    @Test
    void case_and_punctuation_do_not_change_the_features() {
        assertThat(keys(features("Refund, PLEASE!", FeatureSettings.DEFAULT)))
                .containsExactlyInAnyOrderElementsOf(keys(features("refund please", FeatureSettings.DEFAULT)));
    }

    @Test
    void different_numbers_of_the_same_shape_give_the_same_features() {
        assertThat(keys(features("order 12345", FeatureSettings.DEFAULT)))
                .containsExactlyInAnyOrderElementsOf(keys(features("order 98760", FeatureSettings.DEFAULT)));
    }

    @Test
    void a_literal_backslash_n_separates_words_like_a_line_break() {
        assertThat(keys(features("thanks\\nregards", FeatureSettings.DEFAULT)))
                .containsExactlyInAnyOrderElementsOf(keys(features("thanks\nregards", FeatureSettings.DEFAULT)));
    }

    @Test
    void word_unigrams_bigrams_and_character_grams_are_counted_in_their_own_blocks() {
        FeatureSettings wordsOnlyTrigrams = new FeatureSettings(true, 3, 3, 0.5f, 1);
        LongIntTable counts = features("ab ab", wordsOnlyTrigrams);
        // words: "ab" twice, bigram "ab ab" once; chars of " ab ": " ab", "ab " twice each
        assertThat(keys(counts).stream().filter(k -> k > 0)).hasSize(2);
        assertThat(keys(counts).stream().filter(k -> k < 0)).hasSize(2);
        assertThat(keys(counts).stream().mapToInt(k -> counts.get(k, 0)).sum()).isEqualTo(3 + 4);
    }

    @Test
    void a_vector_has_unit_length_and_splits_it_by_the_word_share() {
        List<String> texts = List.of("card not working", "card arrived late", "refund not received", "late refund");
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(new FeatureSettings(true, 2, 4, 0.3f, 1), texts);
        SparseVector v = vectorizer.vectorize("my card is late");
        double words = 0;
        double chars = 0;
        for (int k = 0; k < v.indices().length; k++) {
            double square = v.values()[k] * v.values()[k];
            if (vectorizer.keys()[v.indices()[k]] < 0) {
                chars += square;
            } else {
                words += square;
            }
        }
        assertThat(words).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(chars).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(v.indices()).isSorted();
    }

    @Test
    void features_seen_in_fewer_texts_than_the_minimum_are_left_out_of_the_vocabulary() {
        List<String> texts = List.of("alpha beta", "alpha gamma");
        int all = TfIdfVectorizer.fit(new FeatureSettings(false, 3, 3, 0.5f, 1), texts).dimension();
        int shared = TfIdfVectorizer.fit(new FeatureSettings(false, 3, 3, 0.5f, 2), texts).dimension();
        assertThat(shared).isLessThan(all);
        assertThat(TfIdfVectorizer.fit(new FeatureSettings(false, 3, 3, 0.5f, 2), texts).vectorize("beta").indices()).isEmpty();
    }
}
