package io.supporthub.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyTextExtractorTest {

    private static final Path CLIENT_REPLIES = Path.of("..", "shared", "corpus", "mail", "talon-client-replies");

    static Stream<Path> clientReplies() throws IOException {
        if (!Files.isDirectory(CLIENT_REPLIES)) {
            return Stream.of(Path.of("absent"));
        }
        return Files.list(CLIENT_REPLIES).filter(p -> p.toString().endsWith(".eml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientReplies")
    void reply_from_each_mail_client_keeps_only_hello(Path file) throws IOException {
        assumeTrue(Files.isRegularFile(file), "corpus absent: " + CLIENT_REPLIES.toAbsolutePath());
        ParsedMail mail = MimeReader.read(Files.readAllBytes(file), MimeLimits.defaults());
        assertThat(ReplyTextExtractor.extract(mail.textBody())).isEqualTo("Hello");
    }

    @Test
    void outlook_from_sent_block_without_quote_marks_is_dropped() {
        assertThat(ReplyTextExtractor.extract("""
                Works now, thanks.

                ________________________________
                From: Support <support@hub.example>
                Sent: Monday, 2 April 2012 17:44
                To: Anna
                Subject: [HUB-1] Printer

                Please restart it.
                """)).isEqualTo("Works now, thanks.");
    }

    @Test
    void german_outlook_block_is_dropped() {
        assertThat(ReplyTextExtractor.extract("""
                Danke!

                Von: Support <support@hub.example>
                Gesendet: Montag, 2. April 2012 17:44
                An: Anna
                Betreff: [HUB-1] Drucker
                """)).isEqualTo("Danke!");
    }

    @Test
    void german_attribution_am_schrieb_is_dropped() {
        assertThat(ReplyTextExtractor.extract("""
                Passt.

                Am 02.04.2012 um 17:44 schrieb Support <support@hub.example>:
                > Bitte neu starten.
                """)).isEqualTo("Passt.");
    }

    @Test
    void inline_answers_between_quotes_are_kept() {
        assertThat(ReplyTextExtractor.extract("""
                > Which floor?
                Third.
                > Which model?
                HP 4000.
                """)).isEqualTo("Third.\nHP 4000.");
    }

    @Test
    void dash_dash_signature_is_dropped() {
        assertThat(ReplyTextExtractor.extract("Fixed.\n\n-- \nAnna Berg\nACME Corp\n")).isEqualTo("Fixed.");
    }

    @Test
    void mobile_signature_is_dropped() {
        assertThat(ReplyTextExtractor.extract("Ok\n\nVon meinem iPhone gesendet\n")).isEqualTo("Ok");
    }

    @Test
    void a_forward_without_comment_keeps_everything() {
        String forward = "> quoted only\n> nothing new\n";
        assertThat(ReplyTextExtractor.extract(forward)).isEqualTo(forward.strip());
    }
}
