package io.supporthub.mail.filter;

import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.mail.mime.ParsedMail;
import java.nio.charset.StandardCharsets;

/** Reads inline RFC 822 text blocks the way intake reads fetched mail. */
final class TestMail {

    private TestMail() {
    }

    static ParsedMail parse(String rfc822) {
        return MimeReader.read(rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), MimeLimits.defaults());
    }
}
