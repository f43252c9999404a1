package io.supporthub.mail.threading;

import static io.supporthub.mail.threading.FakeThreadLookup.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.mail.mime.ParsedMail;
import io.supporthub.mail.mime.ReplyTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Signal 2: In-Reply-To / References naming a Message-ID we sent or received, with no key in the subject. */
class MessageReferenceThreadingTest {

    static final Path TALON = Path.of("../shared/corpus/mail/talon-client-replies");
    static final String ACK_ID = "ack.SH-1001.5b1f0c2e-8c1d-4c55-9a53-0d7f3f2b9e11@hub.test";

    private final FakeThreadLookup lookup = new FakeThreadLookup();
    private final ThreadTicket ticket = lookup.ticket("SH-1001", "open", "ava@acme.example");
    private final MailThreader threader = new MailThreader(lookup.message(ticket, ACK_ID));

    @Test
    void a_reply_with_in_reply_to_our_acknowledgement_appends_even_without_the_key_in_the_subject() {
        ThreadMatch match = threader.decide(parse("""
                From: Ava Martin <ava@acme.example>
                To: support@hub.test
                Subject: Re: Production is down
                Message-ID: <r2@acme.example>
                In-Reply-To: <%s>

                Thanks, we are waiting.
                """.formatted(ACK_ID)));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(ticket);
        assertThat(match.signal()).isEqualTo(ThreadSignal.MESSAGE_REFERENCE);
    }

    @Test
    void a_reply_whose_references_name_the_customers_first_mail_appends() {
        lookup.message(ticket, "outage-1@acme.example");

        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: more logs
                In-Reply-To: <unknown-123@elsewhere.example>
                References: <outage-1@acme.example>
                 <unknown-123@elsewhere.example>

                Logs attached.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.signal()).isEqualTo(ThreadSignal.MESSAGE_REFERENCE);
    }

    @Test
    void references_to_mail_we_never_saw_open_a_new_ticket() {
        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: Re: lunch
                In-Reply-To: <private-thread@acme.example>

                See you at noon.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.NEW_TICKET);
    }

    static Stream<Path> talonReplies() throws IOException {
        assumeTrue(Files.isDirectory(TALON), "mail corpus not found at " + TALON.toAbsolutePath()
                + " (../shared is absent); the header-only talon replies are skipped");
        return Files.list(TALON).filter(p -> p.toString().endsWith(".eml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("talonReplies")
    void a_real_client_reply_that_threads_by_headers_alone_appends_with_its_quote_stripped(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        ParsedMail asSent = MimeReader.read(original, MimeLimits.defaults());
        String sender = asSent.sender().address().toLowerCase(java.util.Locale.ROOT);
        ThreadTicket theirs = lookup.ticket("SH-2001", "pending_customer", sender);
        lookup.message(theirs, "ack.SH-2001.1@hub.test");

        ParsedMail reply = MimeReader.read(headerOnlyReply(original, "ack.SH-2001.1@hub.test"), MimeLimits.defaults());
        ThreadMatch match = threader.decide(reply);

        assertThat(reply.subject()).doesNotContain("SH-");
        assertThat(match.kind()).as(file.getFileName().toString()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(theirs);
        assertThat(match.signal()).isEqualTo(ThreadSignal.MESSAGE_REFERENCE);
        String comment = ReplyTextExtractor.extract(reply.textBody());
        assertThat(comment).as("new text of " + file.getFileName()).isNotBlank();
        assertThat(comment.length()).isLessThanOrEqualTo(reply.textBody().strip().length());
    }

    /** The client's reply with its own threading headers replaced by one In-Reply-To naming our mail. */
    static byte[] headerOnlyReply(byte[] raw, String inReplyTo) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n") >= 0 ? text.indexOf("\r\n\r\n") : text.indexOf("\n\n");
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> kept = new ArrayList<>();
        boolean dropping = false;
        for (String line : text.substring(0, end).split("\r?\n")) {
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            if (!continuation) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                dropping = lower.startsWith("in-reply-to:") || lower.startsWith("references:");
            }
            if (!dropping) {
                kept.add(line);
            }
        }
        kept.add("In-Reply-To: <" + inReplyTo + ">");
        return (String.join(eol, kept) + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }
}
