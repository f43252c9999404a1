package io.supporthub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.testing.TnefBlob;
import io.supporthub.ticket.IncomingAttachment;
import io.supporthub.ticket.IncomingAttachment.Origin;
import io.supporthub.ticket.TicketContent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CarriedFilesTest {

    static final String WINMAIL = Base64.getMimeEncoder().encodeToString(TnefBlob.withFile("Quote 2026.xlsx",
            "sheet bytes".getBytes(StandardCharsets.US_ASCII)));

    @Test
    void attachments_tnef_contents_and_files_of_forwarded_mail_come_out_decoded_with_the_enclosed_message_last() {
        TicketContent content = CarriedFiles.of(MimeReader.read(raw("""
                From: Ann <ann@example.com>
                To: support@hub.test
                Subject: Forwarding the quote
                Message-ID: <carried-1@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=utf-8

                <p>Our logo: <img src="cid:logo@example.com"></p>
                --rel
                Content-Type: image/png
                Content-ID: <logo@example.com>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --rel--
                --outer
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''Pr%C3%BCfbericht%20M%C3%A4rz.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer
                Content-Type: application/ms-tnef; name="winmail.dat"
                Content-Disposition: attachment; filename="winmail.dat"
                Content-Transfer-Encoding: base64

                """ + WINMAIL + """

                --outer
                Content-Type: message/rfc822

                From: Bob <bob@supplier.example>
                Subject: =?UTF-8?Q?Angebot_f=C3=BCr_Sie?=
                Content-Type: multipart/mixed; boundary="inner"

                --inner
                Content-Type: text/plain

                See the terms.
                --inner
                Content-Type: text/plain; name="=?UTF-8?B?QUdCIMOcYmVyc2ljaHQudHh0?="
                Content-Disposition: attachment

                terms
                --inner--
                --outer--
                """), MimeLimits.defaults()));

        assertThat(content.sanitizedHtml()).contains("cid:logo@example.com");
        assertThat(content.attachments()).extracting(IncomingAttachment::filename, IncomingAttachment::contentType,
                IncomingAttachment::origin, IncomingAttachment::inline).containsExactly(
                tuple(null, "image/png", Origin.MAIL, true),
                tuple("Prüfbericht März.pdf", "application/pdf", Origin.MAIL, false),
                tuple("Quote 2026.xlsx", "application/octet-stream", Origin.TNEF, false),
                tuple("AGB Übersicht.txt", "text/plain", Origin.FORWARDED, false),
                tuple("Angebot für Sie.eml", "message/rfc822", Origin.MAIL, false));
        assertThat(content.attachments().get(0).contentId()).isEqualTo("logo@example.com");
        assertThat(new String(content.attachments().get(2).content(), StandardCharsets.US_ASCII)).isEqualTo("sheet bytes");
        assertThat(content.attachments()).allSatisfy(a -> assertThat(a.contentKept()).isTrue());
    }

    @Test
    void a_plain_text_mail_carries_nothing() {
        TicketContent content = CarriedFiles.of(MimeReader.read(raw("From: a@example.com\nSubject: hi\n\nJust text.\n"), MimeLimits.defaults()));
        assertThat(content.isEmpty()).isTrue();
    }

    @Test
    void an_attachment_over_the_limit_arrives_without_its_bytes_but_with_its_name_and_size() {
        TicketContent content = CarriedFiles.of(MimeReader.read(raw("""
                From: a@example.com
                Subject: big
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                Here it is.
                --b
                Content-Type: application/zip; name="logs.zip"
                Content-Transfer-Encoding: base64

                UEsDBBQAAAAIAAAAIQAAAAAAAAAAAAAAAAAAAAAA
                --b--
                """), new MimeLimits(1024 * 1024, 100, 10, 16)));
        assertThat(content.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("logs.zip");
            assertThat(a.size()).isEqualTo(30);
            assertThat(a.contentKept()).isFalse();
        });
    }

    static byte[] raw(String rfc822) {
        return rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
