package io.supporthub.triage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> readAll(String csv) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(csv));
        List<List<String>> rows = new ArrayList<>();
        List<String> row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void quoted_fields_keep_commas_line_breaks_and_doubled_quotes() throws IOException {
        List<List<String>> rows = readAll("a,b\r\n\"x, y\",\"line one\r\nline two \"\"quoted\"\"\"\r\n");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("x, y", "line one\r\nline two \"quoted\""));
    }

    @Test
    void bare_line_feeds_end_records_like_crlf() throws IOException {
        assertThat(readAll("a,b\n1,2\n3,4")).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void empty_fields_and_a_trailing_comma_are_kept() throws IOException {
        assertThat(readAll(",x,\n")).containsExactly(List.of("", "x", ""));
    }

    @Test
    void a_byte_order_mark_before_the_header_is_dropped() throws IOException {
        assertThat(readAll("\uFEFFsubject,body\n")).containsExactly(List.of("subject", "body"));
    }

    @Test
    void an_unterminated_quote_is_reported_with_its_line() {
        assertThatThrownBy(() -> readAll("a\n\"never closed\nstill open"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }
}
