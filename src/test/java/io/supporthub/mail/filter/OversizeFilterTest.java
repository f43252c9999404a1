package io.supporthub.mail.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.filter.MailDecision.Outcome;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OversizeFilterTest {

    private final OversizeFilter filter = new OversizeFilter();

    private static byte[] bytes(String mail) {
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mail_within_limits_is_accepted() {
        assertThat(filter.decide(TestMail.parse("""
                From: a@customer.example
                Subject: small

                hello
                """)).outcome()).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void mail_over_the_total_size_is_rejected_but_its_headers_are_read() {
        String mail = "From: a@customer.example\nSubject: huge scan\nMessage-ID: <big@customer.example>\n\n"
                + "x".repeat(5000) + "\n";
        var parsed = MimeReader.read(bytes(mail), new MimeLimits(1000, 100, 10, 1000));
        MailDecision decision = filter.decide(parsed);
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECT_OVERSIZE);
        assertThat(parsed.messageId()).isEqualTo("big@customer.example");
        assertThat(parsed.subject()).isEqualTo("huge scan");
    }

    @Test
    void mail_with_more_parts_than_allowed_is_rejected_as_too_complex() {
        StringBuilder mail = new StringBuilder("From: a@customer.example\nSubject: many\n"
                + "Content-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < 50; i++) {
            mail.append("--p\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        mail.append("--p--\n");
        var parsed = MimeReader.read(bytes(mail.toString()), new MimeLimits(1_000_000, 10, 10, 1000));
        assertThat(filter.decide(parsed).outcome()).isEqualTo(Outcome.REJECT_TOO_COMPLEX);
    }

    @Test
    void forwarded_mail_nested_too_deep_is_rejected_as_too_complex() {
        String mail = "From: a@customer.example\nSubject: leaf\n\nbottom\n";
        for (int i = 0; i < 8; i++) {
            mail = "From: a@customer.example\nSubject: level " + i + "\nContent-Type: message/rfc822\n\n" + mail;
        }
        var parsed = MimeReader.read(bytes(mail), new MimeLimits(1_000_000, 100, 4, 1000));
        assertThat(filter.decide(parsed).outcome()).isEqualTo(Outcome.REJECT_TOO_COMPLEX);
    }

    @Test
    void an_attachment_over_its_limit_alone_does_not_reject_the_mail() {
        String mail = """
                From: a@customer.example
                Subject: photo
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                see attached
                --b
                Content-Type: image/png; name="big.png"
                Content-Transfer-Encoding: base64

                """ + "QUFBQUFB".repeat(100) + "\n--b--\n";
        var parsed = MimeReader.read(bytes(mail), new MimeLimits(1_000_000, 100, 10, 100));
        assertThat(filter.decide(parsed).outcome()).isEqualTo(Outcome.ACCEPT);
        assertThat(parsed.attachments().get(0).contentKept()).isFalse();
        assertThat(parsed.attachments().get(0).size()).isEqualTo(600);
    }
}
