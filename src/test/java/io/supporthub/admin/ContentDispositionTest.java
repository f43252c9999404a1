package io.supporthub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void a_unicode_name_gets_an_ascii_fallback_and_an_rfc5987_utf8_value() {
        assertThat(ContentDisposition.attachment("Prüfbericht März 2026.pdf", "attachment-1"))
                .isEqualTo("attachment; filename=\"Pr_fbericht M_rz 2026.pdf\"; filename*=UTF-8''Pr%C3%BCfbericht%20M%C3%A4rz%202026.pdf");
    }

    @Test
    void quotes_backslashes_percent_signs_and_line_breaks_cannot_break_out_of_the_header() {
        String header = ContentDisposition.attachment("evil\".pdf\r\nSet-Cookie: x=1%41", "attachment-2");
        assertThat(header).doesNotContain("\r").doesNotContain("\n")
                .startsWith("attachment; filename=\"evil_.pdfSet-Cookie: x=1_41\"; filename*=UTF-8''evil%22.pdfSet-Cookie%3A%20x%3D1%2541");
    }

    @Test
    void a_windows_path_keeps_only_its_last_segment_and_an_empty_name_takes_the_fallback() {
        assertThat(ContentDisposition.attachment("C:\\Users\\ann\\Desktop\\invoice.xlsx", "attachment-3")).contains("filename=\"invoice.xlsx\"");
        assertThat(ContentDisposition.attachment("../../etc/passwd", "attachment-4")).contains("filename=\"passwd\"");
        assertThat(ContentDisposition.attachment(null, "attachment-5")).isEqualTo("attachment; filename=\"attachment-5\"; filename*=UTF-8''attachment-5");
        assertThat(ContentDisposition.attachment("..", "attachment-6")).contains("filename=\"attachment-6\"");
    }

    @Test
    void a_name_beyond_200_characters_is_cut_on_a_code_point() {
        String name = "😀".repeat(250);
        assertThat(ContentDisposition.cleanName(name).codePointCount(0, ContentDisposition.cleanName(name).length())).isEqualTo(200);
    }

    @Test
    void types_a_browser_would_run_are_served_as_octet_stream() {
        assertThat(ContentDisposition.safeContentType("image/png")).isEqualTo("image/png");
        assertThat(ContentDisposition.safeContentType("application/pdf")).isEqualTo("application/pdf");
        assertThat(ContentDisposition.safeContentType("message/rfc822")).isEqualTo("message/rfc822");
        assertThat(ContentDisposition.safeContentType("text/html")).isEqualTo("application/octet-stream");
        assertThat(ContentDisposition.safeContentType("image/svg+xml")).isEqualTo("application/octet-stream");
        assertThat(ContentDisposition.safeContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ContentDisposition.safeContentType("application/rss+xml")).isEqualTo("application/octet-stream");
        assertThat(ContentDisposition.safeContentType("text/plain; charset=\"x\r\nX: y\"")).isEqualTo("application/octet-stream");
        assertThat(ContentDisposition.safeContentType(null)).isEqualTo("application/octet-stream");
    }
}
