package io.supporthub.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MimeReaderTest {

    private static ParsedMail parse(String mail) {
        return parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static ParsedMail parse(byte[] mail) {
        return MimeReader.read(mail, MimeLimits.defaults());
    }

    @Test
    void identity_addresses_and_threading_headers_are_read() {
        ParsedMail mail = parse("""
                From: =?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <joerg@kunde.example>
                To: support@hub.example, "Ops" <ops@hub.example>
                Cc: undisclosed-recipients:;
                Message-ID: <m1@kunde.example>
                In-Reply-To: <ack.1@hub.example> (our acknowledgement)
                References: <a@x.example>
                 <ack.1@hub.example>
                Date: Tue, 3 Apr 2012 16:55:26 +0400
                Subject: Re: Drucker

                Geht wieder nicht.
                """);
        assertThat(mail.messageId()).isEqualTo("m1@kunde.example");
        assertThat(mail.inReplyTo()).isEqualTo("ack.1@hub.example");
        assertThat(mail.references()).containsExactly("a@x.example", "ack.1@hub.example");
        assertThat(mail.sender()).isEqualTo(new MailAddress("joerg@kunde.example", "Jörg Müller"));
        assertThat(mail.to()).extracting(MailAddress::address).containsExactly("support@hub.example", "ops@hub.example");
        assertThat(mail.cc()).isEmpty();
        assertThat(mail.date()).hasToString("2012-04-03T12:55:26Z");
        assertThat(mail.header("message-id")).isEqualTo("<m1@kunde.example>");
        assertThat(mail.textBody()).isEqualTo("Geht wieder nicht.\r\n");
        assertThat(mail.sha256()).hasSize(64);
        assertThat(mail.warnings()).isEmpty();
    }

    @Test
    void utf8_split_across_encoded_words_is_joined_before_decoding() {
        // "€" is E2 82 AC; the mailer split it between two words.
        ParsedMail mail = parse("From: a@b.example\nSubject: =?utf-8?B?UHJlaXMgNTDi?= =?utf-8?B?gqw=?=\n\nx\n");
        assertThat(mail.subject()).isEqualTo("Preis 50€");
    }

    @Test
    void rfc2231_continued_filename_with_charset_is_decoded() {
        ParsedMail mail = parse("""
                From: a@b.example
                Subject: files
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                see attached
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment;
                 filename*0*=UTF-8''Rechnung%20M%C3%A4rz;
                 filename*1*=%202024.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b--
                """);
        MailAttachment pdf = mail.attachments().get(0);
        assertThat(pdf.filename()).isEqualTo("Rechnung März 2024.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.size()).isEqualTo(9);
        assertThat(pdf.inline()).isFalse();
    }

    @Test
    void html_only_mail_gives_readable_text_and_sanitized_html_keeping_cid_images() {
        ParsedMail mail = parse("""
                From: a@b.example
                Subject: html
                Content-Type: multipart/related; boundary="r"

                --r
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{}</style><script>alert(1)</script></head><body>
                <p>Hello <b>team</b>,</p><p>see <img src="cid:logo@x"></p><ul><li>one</li><li>two</li></ul>
                <a href="javascript:evil()" onclick="x()">click</a></body></html>
                --r
                Content-Type: image/png
                Content-ID: <logo@x>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --r--
                """);
        assertThat(mail.textBody()).isEqualTo("Hello team,\nsee\n* one\n* two\nclick");
        assertThat(mail.sanitizedHtml()).contains("src=\"cid:logo@x\"").doesNotContain("script", "onclick",
                "javascript");
        MailAttachment logo = mail.attachments().get(0);
        assertThat(logo.contentId()).isEqualTo("logo@x");
        assertThat(logo.inline()).isTrue();
    }

    @Test
    void alternative_prefers_the_plain_text_part() {
        ParsedMail mail = parse("""
                From: a@b.example
                Subject: alt
                Content-Type: multipart/alternative; boundary="a"

                --a
                Content-Type: text/plain

                plain version
                --a
                Content-Type: text/html

                <p>html version</p>
                --a--
                """);
        assertThat(mail.textBody()).isEqualTo("plain version");
        assertThat(mail.sanitizedHtml()).contains("html version");
    }

    @Test
    void charsets_from_the_issue_decode_to_the_same_text() {
        assertThat(bodyIn("ISO-2022-JP", "日本語のテキスト")).isEqualTo("日本語のテキスト");
        assertThat(bodyIn("Shift_JIS", "表示テスト")).isEqualTo("表示テスト");
        assertThat(bodyIn("KOI8-R", "Привет, мир")).isEqualTo("Привет, мир");
        assertThat(bodyIn("GB18030", "你好，世界")).isEqualTo("你好，世界");
        assertThat(bodyIn("UTF-16", "Grüße 😀")).isEqualTo("Grüße 😀");
    }

    private static String bodyIn(String charset, String text) {
        byte[] head = ("From: a@b.example\r\nSubject: t\r\nContent-Type: text/plain; charset=" + charset
                + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = text.getBytes(Charset.forName(charset));
        byte[] mail = new byte[head.length + body.length];
        System.arraycopy(head, 0, mail, 0, head.length);
        System.arraycopy(body, 0, mail, head.length, body.length);
        return parse(mail).textBody();
    }

    @Test
    void utf7_body_and_subject_are_decoded() {
        ParsedMail mail = parse("""
                From: a@b.example
                Subject: =?unicode-1-1-utf-7?Q?Gr+APwA3w-e?=
                Content-Type: text/plain; charset=utf-7

                Hi Mom -+Jjo--! A+ImIDkQ. 1 +- 1 = 2 +2D3eAA-
                """);
        assertThat(mail.subject()).isEqualTo("Grüße");
        assertThat(mail.textBody()).isEqualTo("Hi Mom -☺-! A≢Α. 1 + 1 = 2 😀\r\n");
    }

    @Test
    void bogus_charset_never_throws_and_falls_back_to_utf8_or_windows_1252() {
        byte[] latin = "From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=\"x-bogus\"\r\n\r\nCaf\u00e9"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedMail mail = parse(latin);
        assertThat(mail.textBody()).isEqualTo("Café");
        assertThat(mail.warnings()).anyMatch(w -> w.contains("x-bogus"));
    }

    @Test
    void raw_utf8_subject_without_encoding_is_read_as_utf8() {
        ParsedMail mail = parse("From: a@b.example\nSubject: Größe 😀\n\nx\n");
        assertThat(mail.subject()).isEqualTo("Größe 😀");
    }

    @Test
    void forwarded_message_is_parsed_and_kept_as_an_eml_attachment() {
        ParsedMail mail = parse("""
                From: a@b.example
                Subject: Fwd: complaint
                Content-Type: multipart/mixed; boundary="f"

                --f
                Content-Type: text/plain

                see below
                --f
                Content-Type: message/rfc822

                From: angry@customer.example
                Subject: complaint
                Message-ID: <inner@customer.example>

                This is unacceptable.
                --f--
                """);
        assertThat(mail.forwarded()).singleElement().satisfies(inner -> {
            assertThat(inner.messageId()).isEqualTo("inner@customer.example");
            assertThat(inner.textBody()).contains("unacceptable");
        });
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("complaint.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
        });
    }

    @Test
    void message_partial_is_flagged() {
        ParsedMail mail = parse("""
                From: a@b.example
                Subject: part 1 of 2
                Content-Type: message/partial; id="abc@b.example"; number=1; total=2

                From: a@b.example
                Subject: big
                """);
        assertThat(mail.partial()).isTrue();
    }

    @Test
    void missing_closing_boundary_keeps_the_last_part_and_warns() {
        ParsedMail mail = parse("""
                From: a@b.example
                Subject: cut
                Content-Type: multipart/mixed; boundary="c"

                --c
                Content-Type: text/plain

                the text survives
                """);
        assertThat(mail.textBody()).contains("the text survives");
        assertThat(mail.warnings()).anyMatch(w -> w.contains("closing boundary"));
    }

    @Test
    void unpaired_surrogates_from_broken_utf16_are_repaired() {
        assertThat(UnicodeText.repair("a\uD83Db")).isEqualTo("a\uFFFDb");
        assertThat(UnicodeText.isWellFormed("a😀b")).isTrue();
    }

    @Test
    void empty_input_gives_an_empty_mail_with_a_warning() {
        ParsedMail mail = MimeReader.read(new byte[0], MimeLimits.defaults());
        assertThat(mail.subject()).isEmpty();
        assertThat(mail.messageId()).isNull();
        assertThat(mail.warnings()).contains("empty message");
    }

    @Test
    void classic_mac_mail_with_bare_cr_line_ends_is_read_and_hashed_as_received() {
        byte[] raw = "From: a@b.example\rSubject: mac\r\rbody\r".getBytes(StandardCharsets.US_ASCII);
        ParsedMail mail = parse(raw);
        assertThat(mail.subject()).isEqualTo("mac");
        assertThat(mail.textBody()).isEqualTo("body\n");
        assertThat(mail.sha256()).isEqualTo(MimeReader.read(raw, MimeLimits.defaults()).sha256());
        assertThat(mail.rawSize()).isEqualTo(raw.length);
    }
}
