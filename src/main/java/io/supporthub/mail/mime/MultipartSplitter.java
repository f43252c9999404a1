package io.supporthub.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Finds the body parts of a multipart entity by its boundary lines, accepting missing or sloppy closing boundaries. */
final class MultipartSplitter {

    /** A body part as a byte range of the raw mail, headers included. */
    record Range(int start, int end) {
    }

    private MultipartSplitter() {
    }

    /** At most {@code maxParts + 1} ranges are returned, so a mail with millions of parts costs nothing extra. */
    static List<Range> split(byte[] raw, int start, int end, String boundary, int maxParts, List<String> warnings) {
        List<Range> exact = split(raw, start, end, boundary, maxParts, false, warnings);
        if (!exact.isEmpty()) {
            return exact;
        }
        // RFC 2046 compares only the start of a line; exact matching first keeps prefix-sharing boundaries apart.
        return split(raw, start, end, boundary, maxParts, true, warnings);
    }

    /** The first "--token" line of a body whose boundary parameter is missing or wrong, or null. */
    static String guessBoundary(byte[] raw, int start, int end) {
        int pos = start;
        while (pos < end) {
            int eol = HeaderBlock.lineEnd(raw, pos, end);
            String line = new String(raw, pos, eol - pos, StandardCharsets.ISO_8859_1).strip();
            if (line.length() > 3 && line.startsWith("--") && line.indexOf(' ') < 0) {
                String token = line.substring(2);
                return token.endsWith("--") ? token.substring(0, token.length() - 2) : token;
            }
            pos = eol + 1;
        }
        return null;
    }

    private static List<Range> split(byte[] raw, int start, int end, String boundary, int maxParts, boolean prefix,
            List<String> warnings) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Range> parts = new ArrayList<>();
        int partStart = -1;
        int pos = start;
        while (pos < end) {
            int eol = HeaderBlock.lineEnd(raw, pos, end);
            int closing = boundaryLine(raw, pos, eol, delimiter, prefix);
            if (closing >= 0) {
                if (partStart >= 0) {
                    parts.add(new Range(partStart, Math.max(partStart, lineBreakStart(raw, start, pos))));
                }
                if (closing == 1) {
                    return parts;
                }
                if (parts.size() > maxParts) {
                    return parts;
                }
                partStart = Math.min(eol + 1, end);
            }
            pos = eol + 1;
        }
        if (partStart >= 0) {
            warnings.add("multipart without closing boundary; last part runs to the end");
            parts.add(new Range(partStart, end));
        }
        return parts;
    }

    /** -1: not a boundary line; 0: a delimiter; 1: the closing delimiter. */
    private static int boundaryLine(byte[] raw, int pos, int eol, byte[] delimiter, boolean prefix) {
        if (eol - pos < delimiter.length) {
            return -1;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (raw[pos + i] != delimiter[i]) {
                return -1;
            }
        }
        int i = pos + delimiter.length;
        int result = 0;
        if (i + 1 < eol && raw[i] == '-' && raw[i + 1] == '-') {
            result = 1;
            i += 2;
        }
        for (; i < eol; i++) { // only transport padding may follow, else it is a longer, different boundary
            if (raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\r') {
                return result == 1 || prefix ? result : -1; // "--b--junk" still closes in every mail client
            }
        }
        return result;
    }

    /** The CRLF before a boundary line belongs to the boundary, not to the part's content. */
    private static int lineBreakStart(byte[] raw, int floor, int boundaryPos) {
        int p = boundaryPos;
        if (p > floor && raw[p - 1] == '\n') {
            p--;
            if (p > floor && raw[p - 1] == '\r') {
                p--;
            }
        }
        return p;
    }
}
