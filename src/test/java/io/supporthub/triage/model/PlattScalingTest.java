package io.supporthub.triage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattScalingTest {

    @Test
    void decision_values_that_carry_no_information_calibrate_to_the_labels_base_rate() {
        Random random = new Random(1);
        int n = 2000;
        double[][] decisions = new double[n][2];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 4 == 0 ? 1 : 0; // a quarter are label 1
            decisions[i][0] = random.nextGaussian();
            decisions[i][1] = random.nextGaussian();
        }
        PlattScaling scaling = PlattScaling.fit(decisions, truth, 2);
        assertThat(scaling.probability(1, 2.0)).as("a confident-looking but meaningless score").isCloseTo(0.25, within(0.05));
        assertThat(scaling.probability(0, -2.0)).isCloseTo(0.75, within(0.05));
    }

    @Test
    void informative_decision_values_keep_their_order_and_spread() {
        double[][] decisions = new double[200][1];
        int[] truth = new int[200];
        for (int i = 0; i < 200; i++) {
            truth[i] = i < 100 ? 0 : 1;
            decisions[i][0] = (i < 100 ? 1 : -1) + (i % 10 - 4.5) / 5; // label 0 mostly above 0
        }
        PlattScaling scaling = PlattScaling.fit(decisions, truth, 1);
        assertThat(scaling.slope()[0]).isPositive();
        assertThat(scaling.probability(0, 1.5)).isGreaterThan(0.9);
        assertThat(scaling.probability(0, -1.5)).isLessThan(0.1);
    }

    @Test
    void a_model_with_a_label_rarer_than_the_folds_keeps_uncalibrated_scores() {
        List<LabelledExample> examples = new java.util.ArrayList<>(SyntheticTickets.generate(10, 3));
        examples.add(new LabelledExample("a one-off question about the office plants", "plants"));
        TextClassifier classifier = new ClassifierTrainer(TrainingOptions.DEFAULT, line -> { }).train(examples);
        assertThat(classifier.calibration()).isEqualTo(PlattScaling.identity(classifier.labels().size()));
    }

    @Test
    void calibrated_scores_are_more_trustworthy_than_the_plain_logistic_on_held_out_tickets() {
        HoldoutSplit split = HoldoutSplit.of(SyntheticTickets.generate(40, 7), 0.3, 5);
        TextClassifier calibrated = new ClassifierTrainer(TrainingOptions.DEFAULT, line -> { }).train(split.train());
        TextClassifier plain = new ClassifierTrainer(TrainingOptions.DEFAULT.withCalibrationFolds(0), line -> { }).train(split.train());
        assertThat(Evaluation.of(calibrated, split.test()).logLoss()).isLessThan(Evaluation.of(plain, split.test()).logLoss());
    }
}
