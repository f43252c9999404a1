package io.supporthub.mail.mime;

import jakarta.mail.internet.MailDateFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads raw RFC 822 bytes into a {@link ParsedMail}. It never throws on content: whatever is broken becomes a
 * warning, and a crossed {@link MimeLimits} bound stops unpacking and is reported in {@link ParsedMail#limitBreaches()}.
 */
public final class MimeReader {

    // Enough to read the headers of an oversize mail for its decision record, without touching the body.
    private static final int OVERSIZE_HEADER_WINDOW = 256 * 1024;

    private MimeReader() {
    }

    public static ParsedMail read(byte[] raw, MimeLimits limits) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        ReadBudget budget = new ReadBudget(limits);
        if (bytes.length > limits.maxTotalBytes()) {
            List<String> warnings = new ArrayList<>();
            budget.breach(LimitBreach.TOTAL_SIZE, warnings,
                    "mail of " + bytes.length + " bytes exceeds " + limits.maxTotalBytes() + "; only headers read");
            int window = Math.min(bytes.length, OVERSIZE_HEADER_WINDOW);
            HeaderBlock block = HeaderBlock.parse(bytes, 0, window, warnings);
            return assemble(block.headers(), null, warnings, bytes, 0, bytes.length, budget);
        }
        if (hasOnlyCarriageReturns(bytes)) {
            // Classic Mac OS mail ends lines with a bare CR; read a LF copy, but identify the mail by its raw bytes.
            byte[] lf = bytes.clone();
            for (int i = 0; i < lf.length; i++) {
                lf[i] = lf[i] == '\r' ? (byte) '\n' : lf[i];
            }
            ParsedMail mail = readEntity(lf, 0, lf.length, budget, 0);
            List<String> warnings = new ArrayList<>(mail.warnings());
            warnings.add("lines end with a bare CR; read as LF");
            return new ParsedMail(mail.messageId(), mail.inReplyTo(), mail.references(), mail.from(), mail.replyTo(),
                    mail.to(), mail.cc(), mail.date(), mail.subject(), mail.headers(), mail.contentType(),
                    mail.reportType(), mail.textBody(), mail.sanitizedHtml(), mail.attachments(), mail.forwarded(),
                    mail.partial(), sha256(bytes, 0, bytes.length), bytes.length, mail.limitBreaches(), warnings);
        }
        return readEntity(bytes, 0, bytes.length, budget, 0);
    }

    private static boolean hasOnlyCarriageReturns(byte[] raw) {
        boolean cr = false;
        for (byte b : raw) {
            if (b == '\n') {
                return false;
            }
            cr |= b == '\r';
        }
        return cr;
    }

    /** Reads a message found at [start, end) of {@code raw}; used for the top level and for enclosed messages. */
    static ParsedMail readEntity(byte[] raw, int start, int end, ReadBudget budget, int depth) {
        List<String> warnings = new ArrayList<>();
        if (end <= start) {
            warnings.add("empty message");
        }
        HeaderBlock block = HeaderBlock.parse(raw, start, end, warnings);
        String hint = HeaderParams.parse(block.headers().first("Content-Type"), null, warnings).param("charset");
        MailHeaders headers = block.headers().withEightBitDecoded(hint);
        PartWalker walker = new PartWalker(raw, budget, warnings, hint);
        try {
            walker.walk(headers, block.bodyStart(), end, depth, "text/plain");
        } catch (RuntimeException bug) {
            // A reader bug must not lose the mail: keep what was read and say so in the decision record.
            warnings.add("unexpected " + bug.getClass().getSimpleName() + " while reading MIME: " + bug.getMessage());
        }
        return assemble(headers, walker, warnings, raw, start, end, budget);
    }

    private static ParsedMail assemble(MailHeaders rawHeaders, PartWalker body, List<String> warnings, byte[] raw,
            int start, int end, ReadBudget budget) {
        MailHeaders headers = body == null ? rawHeaders.withEightBitDecoded(null) : rawHeaders;
        HeaderParams ct = HeaderParams.parse(headers.first("Content-Type"), null, new ArrayList<>());
        String contentType = ct.value().isEmpty() ? "text/plain" : ct.value();
        List<String> inReplyTo = MessageIds.all(headers.first("In-Reply-To"));
        List<String> references = new ArrayList<>();
        headers.all("References").forEach(r -> references.addAll(MessageIds.all(r)));
        String text = "";
        String html = null;
        if (body != null) {
            if (!body.htmls.isEmpty()) {
                html = HtmlText.sanitize(String.join("\n", body.htmls));
            }
            text = !body.texts.isEmpty() ? String.join("\n\n", body.texts)
                    : body.htmls.isEmpty() ? "" : HtmlText.toText(String.join("\n", body.htmls));
        }
        return new ParsedMail(
                MessageIds.first(headers.first("Message-ID")),
                inReplyTo.isEmpty() ? null : inReplyTo.get(0),
                references,
                MailAddresses.parse(headers.all("From"), warnings),
                MailAddresses.parse(headers.all("Reply-To"), warnings),
                MailAddresses.parse(headers.all("To"), warnings),
                MailAddresses.parse(headers.all("Cc"), warnings),
                date(headers.first("Date"), warnings),
                subject(headers.first("Subject"), warnings),
                headers,
                contentType,
                contentType.equals("multipart/report") ? lower(ct.param("report-type")) : null,
                UnicodeText.repair(text),
                html == null ? null : UnicodeText.repair(html),
                body == null ? List.of() : body.attachments,
                body == null ? List.of() : body.forwarded,
                body != null && body.partial,
                sha256(raw, start, end),
                end - start,
                budget.breaches(),
                warnings);
    }

    private static String subject(String value, List<String> warnings) {
        if (value == null) {
            return "";
        }
        // Folding leaves tabs and stray line breaks; a subject is one line.
        return EncodedWords.decode(value, warnings).replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    /** Not thread-safe, and costly to build (a calendar and a compiled pattern): one per intake thread. */
    private static final ThreadLocal<MailDateFormat> DATE_FORMAT = ThreadLocal.withInitial(MailDateFormat::new);

    private static Instant date(String value, List<String> warnings) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DATE_FORMAT.get().parse(value.strip()).toInstant();
        } catch (ParseException | RuntimeException e) {
            warnings.add("unreadable Date '" + MailAddresses.abbreviate(value) + "'");
            return null;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] raw, int start, int end) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(raw, start, Math.max(0, end - start));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
