package io.supporthub.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits an entity into its header fields and the offset where its body starts, tolerating broken header blocks. */
record HeaderBlock(MailHeaders headers, int bodyStart) {

    // Header lines past this are treated as body: protects against a mail that is "all header".
    private static final int MAX_HEADER_BYTES = 512 * 1024;

    static HeaderBlock parse(byte[] raw, int start, int end, List<String> warnings) {
        List<MailHeaders.Field> fields = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int pos = start;
        while (pos < end) {
            int eol = lineEnd(raw, pos, end);
            int next = eol < end ? eol + 1 : end;
            int contentEnd = eol > pos && raw[eol - 1] == '\r' ? eol - 1 : eol;
            if (contentEnd == pos) { // the empty line ends the header block
                add(fields, name, value);
                return new HeaderBlock(new MailHeaders(fields), next);
            }
            if (pos - start > MAX_HEADER_BYTES) {
                warnings.add("header block longer than " + MAX_HEADER_BYTES + " bytes; rest read as body");
                add(fields, name, value);
                return new HeaderBlock(new MailHeaders(fields), pos);
            }
            String line = new String(raw, pos, contentEnd - pos, StandardCharsets.ISO_8859_1);
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && name != null) {
                value.append(line); // unfolding keeps the leading blank, drops the line break
            } else {
                int colon = line.indexOf(':');
                String candidate = colon > 0 ? line.substring(0, colon).trim() : "";
                if (isFieldName(candidate)) {
                    add(fields, name, value);
                    name = candidate;
                    value.setLength(0);
                    value.append(line.substring(colon + 1));
                } else if (fields.isEmpty() && name == null && line.startsWith("From ")) {
                    // mbox "From " separator line: not a header, skip it
                } else if (first == ' ' || first == '\t') {
                    // continuation before any field: ignore it
                } else {
                    warnings.add("header block ends without a blank line");
                    add(fields, name, value);
                    return new HeaderBlock(new MailHeaders(fields), pos);
                }
            }
            pos = next;
        }
        add(fields, name, value);
        return new HeaderBlock(new MailHeaders(fields), end);
    }

    static int lineEnd(byte[] raw, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return end;
    }

    private static boolean isFieldName(String s) {
        if (s.isEmpty() || s.length() > 76) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static void add(List<MailHeaders.Field> fields, String name, StringBuilder value) {
        if (name != null) {
            fields.add(new MailHeaders.Field(name, value.toString().trim()));
        }
    }
}
