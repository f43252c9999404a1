package io.supporthub.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path csv() throws IOException {
        StringBuilder csv = new StringBuilder("subject,body,queue\r\n");
        for (LabelledExample e : SyntheticTickets.generate(25, 11)) {
            String[] words = e.text().split(" ", 2);
            csv.append(words[0]).append(",\"").append(words[1].replace("\"", "\"\"")).append("\",").append(e.label()).append("\r\n");
        }
        Path file = dir.resolve("tickets.csv");
        Files.writeString(file, csv);
        return file;
    }

    private int train(String... args) {
        return TriageTrainCommand.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    private int eval(String... args) {
        return TriageEvalCommand.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void train_then_eval_on_the_held_out_part_prints_accuracy_f1_and_a_confusion_matrix() throws IOException {
        Path csv = csv().toAbsolutePath();
        Path model = dir.resolve("queue.model");
        assertThat(train("--input", csv.toString(), "--text", "subject,body", "--label", "queue",
                "--out", model.toString(), "--holdout", "0.2", "--seed", "42")).isZero();
        assertThat(out.toString()).contains("training part, 60 rows").contains("saved model to");

        out.reset();
        assertThat(eval("--model", model.toString(), "--input", csv.toString(), "--text", "subject,body",
                "--label", "queue", "--holdout=0.2")).isZero();
        assertThat(out.toString()).contains("held-out part, 15 rows").contains("accuracy: 1.0000")
                .contains("macro-F1: 1.0000").contains("confusion matrix");
    }

    @Test
    void eval_with_json_prints_one_json_object_and_nothing_else_on_stdout() throws IOException {
        Path csv = csv();
        Path model = dir.resolve("m.model");
        assertThat(train("--input", csv.toString(), "--text", "subject,body", "--label", "queue", "--out", model.toString())).isZero();
        out.reset();
        assertThat(eval("--model", model.toString(), "--input", csv.toString(), "--text", "subject,body",
                "--label", "queue", "--json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).matches(
                "\\{\"n\": 75, \"accuracy\": 1\\.000000, \"macro_f1\": 1\\.000000, \"accuracy_se\": 0\\.000000, \"log_loss\": 0\\.\\d{6}, "
                        + "\"labels\": \\[\"account\", \"billing\", \"shipping\"\\], "
                        + "\"confusion\": \\[\\[25, 0, 0\\], \\[0, 25, 0\\], \\[0, 0, 25\\]\\]\\}");
    }

    @Test
    void a_missing_required_option_is_a_usage_error_with_exit_code_2() throws IOException {
        assertThat(train("--input", csv().toString(), "--text", "body", "--out", "x.model")).isEqualTo(2);
        assertThat(err.toString()).contains("--label is required").contains("usage: triage-train");
    }

    @Test
    void an_unknown_column_or_option_is_a_usage_error() throws IOException {
        assertThat(eval("--model", csv().toString(), "--input", csv().toString(), "--text", "body",
                "--label", "queue", "--from-db")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown argument '--from-db'");
        err.reset();
        assertThat(train("--input", csv().toString(), "--text", "description", "--label", "queue",
                "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("column 'description' is not in the header");
    }

    @Test
    void a_holdout_outside_zero_and_one_is_a_usage_error() throws IOException {
        assertThat(train("--input", csv().toString(), "--text", "body", "--label", "queue",
                "--out", dir.resolve("x").toString(), "--holdout", "20")).isEqualTo(2);
        assertThat(err.toString()).contains("--holdout must be a fraction between 0 and 1");
    }

    @Test
    void a_file_that_is_not_a_model_fails_with_exit_code_1() throws IOException {
        assertThat(eval("--model", csv().toString(), "--input", csv().toString(), "--text", "body", "--label", "queue"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("not a triage model file");
    }
}
