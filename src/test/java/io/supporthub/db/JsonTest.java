package io.supporthub.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void a_quoted_string_reads_back_as_itself_whatever_it_holds() throws Exception {
        String text = "billing \"refund\" \\ line\nbreak\ttab\u0001 é";

        assertThat(Json.quote(text)).startsWith("\"").endsWith("\"").doesNotContain("\n").doesNotContain("\t");
        assertThat(new ObjectMapper().readValue(Json.quote(text), String.class)).isEqualTo(text);
        assertThat(Json.quote("technical")).isEqualTo("\"technical\"");
    }
}
