package io.supporthub.triage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledCsvTest {

    private static final String CSV = """
            Subject,body,queue
            Invoice wrong,"I was charged twice,
            please fix",billing
            ,Cannot log in,account
            Hello,no label here,
            """;

    @Test
    void text_columns_are_joined_with_a_line_break_and_blank_subjects_left_out() throws IOException {
        LabelledCsv.Result result = LabelledCsv.read(new StringReader(CSV), List.of("subject", "body"), "queue");
        assertThat(result.examples()).containsExactly(
                new LabelledExample("Invoice wrong\nI was charged twice,\nplease fix", "billing"),
                new LabelledExample("Cannot log in", "account"));
    }

    @Test
    void rows_without_a_label_are_skipped_and_counted() throws IOException {
        assertThat(LabelledCsv.read(new StringReader(CSV), List.of("body"), "queue").skippedUnlabelled()).isEqualTo(1);
    }

    @Test
    void an_unknown_column_names_the_header_it_looked_in() {
        assertThatThrownBy(() -> LabelledCsv.read(new StringReader(CSV), List.of("description"), "queue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'description'")
                .hasMessageContaining("Subject");
    }
}
