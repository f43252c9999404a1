package io.supporthub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.ticket.IntakeRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundMailReaderTest {

    private final InboundMailReader reader = new InboundMailReader();

    @Test
    void a_plain_mail_gives_sender_subject_text_and_its_message_id_as_key() {
        IntakeRequest request = read("""
                From: "Ann Example" <Ann@Example.com>
                To: support@example.com
                Subject: =?UTF-8?B?TMO2Z2luIGZhaWxz?=
                Message-ID: <abc@example.com>

                I cannot log in.
                """);
        assertThat(request.requesterEmail()).isEqualTo("ann@example.com");
        assertThat(request.requesterName()).isEqualTo("Ann Example");
        assertThat(request.subject()).isEqualTo("Lögin fails");
        assertThat(request.body()).isEqualTo("I cannot log in.");
        assertThat(request.mail().messageKey()).isEqualTo("<abc@example.com>");
    }

    @Test
    void a_mail_without_message_id_is_keyed_by_the_hash_of_its_bytes() {
        IntakeRequest request = read("From: a@example.com\nSubject: hi\n\nhello\n");
        assertThat(request.mail().messageKey()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void an_html_only_mail_is_reduced_to_readable_text() {
        IntakeRequest request = read("""
                From: a@example.com
                Subject: html
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style></head><body><p>Line one</p><p>Line&nbsp;two &amp; more</p></body></html>
                """);
        assertThat(request.body()).isEqualTo("Line one\nLine two & more");
    }

    @Test
    void the_text_part_of_a_multipart_alternative_mail_wins_over_html_and_attachments() {
        IntakeRequest request = read("""
                From: a@example.com
                Subject: parts
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                plain body
                --inner
                Content-Type: text/html; charset=UTF-8

                <p>html body</p>
                --inner--
                --outer
                Content-Type: text/plain; name="log.txt"
                Content-Disposition: attachment; filename="log.txt"

                attached log
                --outer--
                """);
        assertThat(request.body()).isEqualTo("plain body");
    }

    @Test
    void a_mail_without_a_sender_is_unreadable_and_says_why() {
        assertThatThrownBy(() -> read("Subject: nobody\n\nbody\n")).isInstanceOf(UnreadableMailException.class)
                .hasMessageContaining("no readable From address");
    }

    private IntakeRequest read(String mail) {
        return reader.read("support@example.com", mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
