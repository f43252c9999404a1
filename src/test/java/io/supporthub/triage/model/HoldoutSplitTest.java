package io.supporthub.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    private static List<LabelledExample> examples() {
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            examples.add(new LabelledExample("text " + i, i < 70 ? "common" : "rare"));
        }
        examples.add(new LabelledExample("only one", "single"));
        return examples;
    }

    @Test
    void train_and_test_parts_are_complementary() {
        HoldoutSplit split = HoldoutSplit.of(examples(), 0.2, 42);
        List<LabelledExample> union = new ArrayList<>(split.train());
        union.addAll(split.test());
        assertThat(union).containsExactlyInAnyOrderElementsOf(examples());
        assertThat(split.train()).doesNotContainAnyElementsOf(split.test());
    }

    @Test
    void the_same_seed_picks_the_same_test_rows_and_another_seed_others() {
        assertThat(HoldoutSplit.of(examples(), 0.2, 42).test()).isEqualTo(HoldoutSplit.of(examples(), 0.2, 42).test());
        assertThat(HoldoutSplit.of(examples(), 0.2, 43).test()).isNotEqualTo(HoldoutSplit.of(examples(), 0.2, 42).test());
    }

    @Test
    void each_label_is_held_out_in_proportion_and_a_single_example_stays_in_training() {
        List<LabelledExample> test = HoldoutSplit.of(examples(), 0.2, 42).test();
        assertThat(test).filteredOn(e -> e.label().equals("common")).hasSize(14);
        assertThat(test).filteredOn(e -> e.label().equals("rare")).hasSize(6);
        assertThat(test).noneMatch(e -> e.label().equals("single"));
    }
}
