package io.supporthub.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Walks one message's MIME tree, sorting each entity into body text, HTML, attachments or enclosed messages. */
final class PartWalker {

    final List<String> texts = new ArrayList<>();
    final List<String> htmls = new ArrayList<>();
    final List<MailAttachment> attachments = new ArrayList<>();
    final List<ParsedMail> forwarded = new ArrayList<>();
    boolean partial;

    private final byte[] raw;
    private final ReadBudget budget;
    private final List<String> warnings;
    private final String hintCharset;

    PartWalker(byte[] raw, ReadBudget budget, List<String> warnings, String hintCharset) {
        this.raw = raw;
        this.budget = budget;
        this.warnings = warnings;
        this.hintCharset = hintCharset;
    }

    void walk(MailHeaders headers, int start, int end, int depth, String defaultType) {
        if (!budget.depthAllowed(depth, warnings) || !budget.takePart(warnings)) {
            return;
        }
        HeaderParams ct = HeaderParams.parse(headers.first("Content-Type"), hintCharset, warnings);
        String type = mimeType(ct.value(), defaultType);
        HeaderParams disposition = HeaderParams.parse(headers.first("Content-Disposition"), hintCharset, warnings);
        String cte = headers.first("Content-Transfer-Encoding");
        String filename = firstNonBlank(disposition.param("filename"), ct.param("name"));

        if (type.startsWith("multipart/")) {
            walkMultipart(ct, type, start, end, depth);
        } else if (type.equals("message/rfc822") || type.equals("message/global")) {
            walkEnclosed(cte, filename, start, end, depth);
        } else if (type.equals("message/partial")) {
            partial = true;
            warnings.add("message/partial fragment: never reassembled");
            attach(headers, type, filename, cte, start, end, disposition);
        } else if (isTnef(type, filename)) {
            byte[] data = TransferDecoding.decode(raw, start, end - start, cte, warnings);
            List<MailAttachment> unpacked = TnefReader.read(data, budget.limits.maxAttachmentBytes(), warnings);
            if (unpacked == null) {
                attach(headers, type, filename, cte, start, end, disposition);
            } else {
                unpacked.forEach(a -> addUnpacked(a));
            }
        } else if (isBodyText(type, disposition.value(), filename)) {
            byte[] data = TransferDecoding.decode(raw, start, end - start, cte, warnings);
            String text = MailCharsets.decode(data, 0, data.length, ct.param("charset"), warnings);
            if (type.equals("text/html")) {
                htmls.add(text);
            } else {
                texts.add(FlowedText.unflow(text, ct.param("format"), ct.param("delsp")));
            }
        } else {
            attach(headers, type, filename, cte, start, end, disposition);
        }
    }

    private void walkMultipart(HeaderParams ct, String type, int start, int end, int depth) {
        String boundary = ct.param("boundary");
        List<MultipartSplitter.Range> parts = boundary == null || boundary.isBlank() ? List.of()
                : MultipartSplitter.split(raw, start, end, boundary.strip(), budget.limits.maxParts(), warnings);
        if (parts.isEmpty()) {
            String guess = MultipartSplitter.guessBoundary(raw, start, end);
            if (guess != null && !guess.equals(boundary)) {
                parts = MultipartSplitter.split(raw, start, end, guess, budget.limits.maxParts(), warnings);
                if (!parts.isEmpty()) {
                    warnings.add(type + " boundary missing or wrong; used the first delimiter line instead");
                }
            }
        }
        if (parts.isEmpty()) {
            warnings.add(type + " without usable boundary; read as text");
            byte[] data = java.util.Arrays.copyOfRange(raw, start, end);
            texts.add(MailCharsets.decode(data, 0, data.length, ct.param("charset"), warnings));
            return;
        }
        String childDefault = type.equals("multipart/digest") ? "message/rfc822" : "text/plain";
        for (MultipartSplitter.Range part : parts) {
            HeaderBlock block = HeaderBlock.parse(raw, part.start(), part.end(), warnings);
            walk(block.headers(), block.bodyStart(), part.end(), depth + 1, childDefault);
            if (budget.breaches().contains(LimitBreach.PART_COUNT)) {
                return;
            }
        }
    }

    private void walkEnclosed(String cte, String filename, int start, int end, int depth) {
        byte[] source = raw;
        int from = start;
        int to = end;
        String enc = cte == null ? "" : cte.toLowerCase(Locale.ROOT);
        if (enc.contains("base64") || enc.contains("quoted")) { // not allowed by RFC 2046, sent anyway
            source = TransferDecoding.decode(raw, start, end - start, cte, warnings);
            from = 0;
            to = source.length;
        }
        ParsedMail inner = MimeReader.readEntity(source, from, to, budget, depth + 1);
        forwarded.add(inner);
        String name = filename != null ? filename
                : (inner.subject().isBlank() ? "forwarded" : inner.subject().replaceAll("[\\\\/:*?\"<>|]", "_")) + ".eml";
        addBytes(name, "message/rfc822", null, false, source, from, to);
    }

    private void attach(MailHeaders headers, String type, String filename, String cte, int start, int end,
            HeaderParams disposition) {
        byte[] data = TransferDecoding.decode(raw, start, end - start, cte, warnings);
        String contentId = MessageIds.first(headers.first("Content-ID"));
        boolean inline = disposition.value().equals("inline")
                || (disposition.value().isEmpty() && contentId != null);
        addBytes(filename, type, contentId, inline, data, 0, data.length);
    }

    private void addBytes(String name, String type, String contentId, boolean inline, byte[] data, int from, int to) {
        int size = to - from;
        byte[] kept = null;
        if (size > budget.limits.maxAttachmentBytes()) {
            budget.breach(LimitBreach.ATTACHMENT_SIZE, warnings,
                    "attachment '" + name + "' (" + size + " bytes) exceeds the attachment limit; bytes not kept");
        } else {
            kept = from == 0 && to == data.length && data != raw ? data : java.util.Arrays.copyOfRange(data, from, to);
        }
        attachments.add(new MailAttachment(name, type, size, contentId, inline, false, kept));
    }

    private void addUnpacked(MailAttachment a) {
        if (budget.takePart(warnings)) {
            attachments.add(a);
        }
    }

    private boolean isBodyText(String type, String disposition, String filename) {
        if (!type.equals("text/plain") && !type.equals("text/html")) {
            return false;
        }
        if (disposition.equals("attachment")) {
            return false;
        }
        // A named inline text part is a body only while no body has been found (Apple Mail names them).
        return filename == null || (texts.isEmpty() && htmls.isEmpty());
    }

    private static boolean isTnef(String type, String filename) {
        return type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
                || (filename != null && filename.equalsIgnoreCase("winmail.dat"));
    }

    private String mimeType(String declared, String defaultType) {
        if (declared.isEmpty()) {
            return defaultType;
        }
        String type = declared.replaceAll("\\s", "");
        if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            warnings.add("invalid content type '" + MailAddresses.abbreviate(declared) + "'");
            return type.startsWith("text") ? "text/plain" : "application/octet-stream";
        }
        return type;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : (b != null && !b.isBlank() ? b.strip() : null);
    }
}
