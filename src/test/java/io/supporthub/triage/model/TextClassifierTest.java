package io.supporthub.triage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TextClassifierTest {

    private static final TextClassifier CLASSIFIER =
            new ClassifierTrainer(TrainingOptions.DEFAULT, line -> { }).train(SyntheticTickets.generate(30, 1));

    @Test
    void a_model_trained_on_a_tiny_set_labels_unseen_tickets_by_topic() {
        assertThat(CLASSIFIER.classify("I was charged twice on my invoice").label()).isEqualTo("billing");
        assertThat(CLASSIFIER.classify("my parcel never arrived, where is the courier").label()).isEqualTo("shipping");
        assertThat(CLASSIFIER.classify("I am locked out after the password reset").label()).isEqualTo("account");
    }

    @Test
    void held_out_synthetic_tickets_are_all_classified_correctly() {
        Evaluation evaluation = Evaluation.of(CLASSIFIER, SyntheticTickets.generate(20, 99));
        assertThat(evaluation.accuracy()).isEqualTo(1.0);
        assertThat(evaluation.macroF1()).isEqualTo(1.0);
    }

    @Test
    void a_prediction_names_the_runner_up_and_scores_sum_to_one() {
        Prediction prediction = CLASSIFIER.classify("invoice payment failed");
        assertThat(prediction.runnerUp()).isNotNull().isNotEqualTo(prediction.label());
        assertThat(prediction.score()).isGreaterThan(prediction.runnerUpScore());
        assertThat(prediction.reason()).matches("model label billing, score 0\\.\\d\\d, runner-up (shipping|account)");
        double sum = 0;
        for (double score : CLASSIFIER.scores("invoice payment failed")) {
            sum += score;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_two_label_model_scores_both_labels() {
        List<LabelledExample> twoTopics = SyntheticTickets.generate(20, 3).stream()
                .filter(e -> !e.label().equals("account")).toList();
        TextClassifier binary = new ClassifierTrainer(TrainingOptions.DEFAULT, line -> { }).train(twoTopics);
        assertThat(binary.classify("parcel tracking number").label()).isEqualTo("shipping");
        assertThat(binary.classify("wrong amount on my bill").label()).isEqualTo("billing");
    }

    @Test
    void every_loss_learns_the_synthetic_topics() {
        for (TrainingOptions.Loss loss : TrainingOptions.Loss.values()) {
            TextClassifier classifier = new ClassifierTrainer(TrainingOptions.DEFAULT.withLoss(loss), line -> { })
                    .train(SyntheticTickets.generate(20, 5));
            assertThat(Evaluation.of(classifier, SyntheticTickets.generate(10, 6)).accuracy()).as(loss.name()).isEqualTo(1.0);
        }
    }

    @Test
    void training_with_a_single_label_is_refused() {
        assertThatThrownBy(() -> new ClassifierTrainer(TrainingOptions.DEFAULT, line -> { })
                .train(List.of(new LabelledExample("a", "x"), new LabelledExample("b", "x"))))
                .hasMessageContaining("at least two different labels");
    }

    @Test
    void a_saved_model_loads_with_identical_labels_and_scores() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(CLASSIFIER, bytes);
        TextClassifier loaded = ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.labels()).isEqualTo(CLASSIFIER.labels());
        assertThat(loaded.featureCount()).isEqualTo(CLASSIFIER.featureCount());
        for (String text : List.of("charged twice", "late delivery", "", "unrelated words entirely")) {
            assertThat(loaded.scores(text)).containsExactly(CLASSIFIER.scores(text));
        }
    }

    @Test
    void a_model_file_of_format_1_from_before_calibration_still_loads_with_plain_logistic_scores() throws IOException {
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        ModelFile.write(CLASSIFIER, current);
        byte[] body = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(current.toByteArray())).readAllBytes();
        // format 1 is format 2 without the calibration pairs at the end
        byte[] formatOne = java.util.Arrays.copyOf(body, body.length - 8 * CLASSIFIER.labels().size());
        java.nio.ByteBuffer.wrap(formatOne).putInt(4, 1);
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(old)) {
            gzip.write(formatOne);
        }
        TextClassifier loaded = ModelFile.read(new ByteArrayInputStream(old.toByteArray()));
        assertThat(loaded.labels()).isEqualTo(CLASSIFIER.labels());
        assertThat(loaded.calibration()).isEqualTo(PlattScaling.identity(CLASSIFIER.labels().size()));
        assertThat(loaded.classify("I was charged twice").label()).isEqualTo(CLASSIFIER.classify("I was charged twice").label());
    }

    @Test
    void a_model_file_of_a_newer_format_version_is_refused_with_advice() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(ModelFile.MAGIC);
            out.writeInt(ModelFile.VERSION + 1);
        }
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version " + (ModelFile.VERSION + 1))
                .hasMessageContaining("retrain");
    }

    @Test
    void a_file_that_is_not_a_model_is_refused() {
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream("subject,body\n".getBytes())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a triage model file");
    }
}
