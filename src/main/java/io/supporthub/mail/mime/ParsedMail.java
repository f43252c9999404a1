package io.supporthub.mail.mime;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One mail as the hub understands it: identity, addresses, decoded text, attachments, and what went wrong reading it.
 *
 * @param messageId Message-ID without angle brackets, or null when missing (use {@link #sha256()} then)
 * @param inReplyTo first id in In-Reply-To, without angle brackets, or null
 * @param references ids from References, oldest first, without angle brackets
 * @param date the Date header, or null when missing or unreadable
 * @param subject decoded subject, never null (empty when missing)
 * @param contentType lower-case top-level MIME type, e.g. {@code multipart/report}
 * @param reportType the {@code report-type} parameter of a multipart/report, else null
 * @param textBody readable text: text/plain parts, or the HTML turned into text; never null
 * @param sanitizedHtml HTML parts cleaned with a jsoup Safelist, or null when the mail had no HTML
 * @param forwarded enclosed message/rfc822 parts, parsed (each is also in {@link #attachments()} as .eml)
 * @param partial true for message/partial (a fragment of a bigger mail, never reassembled)
 * @param sha256 lower-case hex SHA-256 of the raw bytes, the identity of mail without a Message-ID
 * @param limitBreaches limits the mail crossed; empty for a mail read completely
 * @param warnings what was repaired or guessed while reading, in order, for the decision record
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        List<MailAddress> from,
        List<MailAddress> replyTo,
        List<MailAddress> to,
        List<MailAddress> cc,
        Instant date,
        String subject,
        MailHeaders headers,
        String contentType,
        String reportType,
        String textBody,
        String sanitizedHtml,
        List<MailAttachment> attachments,
        List<ParsedMail> forwarded,
        boolean partial,
        String sha256,
        long rawSize,
        Set<LimitBreach> limitBreaches,
        List<String> warnings) {

    public ParsedMail {
        references = List.copyOf(references);
        from = List.copyOf(from);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        forwarded = List.copyOf(forwarded);
        limitBreaches = Set.copyOf(limitBreaches);
        warnings = List.copyOf(warnings);
    }

    /** The first From address, or null for mail without a usable From. */
    public MailAddress sender() {
        return from.isEmpty() ? null : from.get(0);
    }

    /** The first value of a header, raw; case-insensitive name. */
    public String header(String name) {
        return headers.first(name);
    }

    public boolean readCompletely() {
        return limitBreaches.isEmpty();
    }
}
