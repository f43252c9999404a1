package io.supporthub.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured header value such as Content-Type or Content-Disposition: the leading token plus its
 * parameters, with RFC 2231 continuations and charsets and (non-standard but common) RFC 2047 words decoded.
 */
record HeaderParams(String value, Map<String, String> params) {

    static HeaderParams parse(String header, String hintCharset, List<String> warnings) {
        if (header == null) {
            return new HeaderParams("", Map.of());
        }
        List<String> pieces = split(header);
        String value = pieces.get(0).trim().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String raw = unquote(piece.substring(eq + 1).trim());
            boolean extended = key.endsWith("*");
            String base = extended ? key.substring(0, key.length() - 1) : key;
            int star = base.indexOf('*');
            if (star > 0 && base.substring(star + 1).matches("\\d{1,3}")) {
                continued.computeIfAbsent(base.substring(0, star), k -> new TreeMap<>())
                        .put(Integer.parseInt(base.substring(star + 1)), new String[] {raw, extended ? "*" : ""});
            } else if (extended) {
                plain.put(base, decode2231(raw, true, null, hintCharset, warnings));
            } else {
                plain.putIfAbsent(base, decodeLoose(raw, hintCharset, warnings));
            }
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
            plain.put(e.getKey(), joinContinuations(e.getValue(), hintCharset, warnings));
        }
        return new HeaderParams(value, Map.copyOf(plain));
    }

    String param(String name) {
        return params.get(name);
    }

    private static String joinContinuations(TreeMap<Integer, String[]> parts, String hint, List<String> warnings) {
        // Segments share the charset named in segment 0; encoded bytes are joined before decoding.
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (String[] seg : parts.values()) {
            String raw = seg[0];
            if (seg[1].equals("*")) {
                if (first) {
                    int q1 = raw.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = raw.substring(0, q1);
                        raw = raw.substring(q2 + 1);
                    }
                }
                percentDecode(raw, bytes);
            } else {
                bytes.writeBytes(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            first = false;
        }
        byte[] b = bytes.toByteArray();
        text.append(charset != null
                ? MailCharsets.decode(b, 0, b.length, charset, warnings)
                : MailCharsets.decodeRawHeader(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), hint));
        return EncodedWords.decode(text.toString(), warnings);
    }

    private static String decode2231(String raw, boolean withCharset, String charset, String hint,
            List<String> warnings) {
        int q1 = raw.indexOf('\'');
        int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
        if (withCharset && q2 > 0) {
            charset = raw.substring(0, q1);
            raw = raw.substring(q2 + 1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        percentDecode(raw, bytes);
        byte[] b = bytes.toByteArray();
        return charset == null || charset.isEmpty()
                ? MailCharsets.decodeRawHeader(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), hint)
                : MailCharsets.decode(b, 0, b.length, charset, warnings);
    }

    private static String decodeLoose(String raw, String hint, List<String> warnings) {
        return EncodedWords.decode(MailCharsets.decodeRawHeader(raw, hint), warnings);
    }

    private static void percentDecode(String s, ByteArrayOutputStream out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
    }

    /** Splits on ';' outside double quotes; the first piece is the value itself. */
    private static List<String> split(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted && i + 1 < header.length()) {
                cur.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        pieces.add(cur.toString());
        return pieces;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"")) {
            int end = s.endsWith("\"") ? s.length() - 1 : s.length();
            // Only \" and \\ are unescaped: Outlook writes Windows paths with bare backslashes.
            return s.substring(1, end).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }
}
