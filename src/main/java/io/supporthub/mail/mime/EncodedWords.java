package io.supporthub.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes RFC 2047 encoded-words in header text, leniently, as real mailers write them. */
final class EncodedWords {

    // Lenient: some mailers put spaces or '?' inside Q text; the shortest match to "?=" still works.
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?(.*?)\\?=");

    private EncodedWords() {
    }

    static String decode(String text, List<String> warnings) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = pendingCharset != null && between.isBlank();
            String charset = m.group(1);
            // Adjacent words in one charset are joined as bytes: mailers split multibyte characters across words.
            if (!adjacent || !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset, warnings);
                if (!adjacent) {
                    out.append(between);
                }
                pendingCharset = charset;
            }
            byte[] bytes = "bB".indexOf(m.group(2).charAt(0)) >= 0
                    ? TransferDecoding.base64(ascii(m.group(3)))
                    : qDecode(m.group(3));
            pending.writeBytes(bytes);
            last = m.end();
        }
        flush(out, pending, pendingCharset, warnings);
        out.append(text, last, text.length());
        return UnicodeText.repair(out.toString());
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset,
            List<String> warnings) {
        if (charset == null || pending.size() == 0) {
            pending.reset();
            return;
        }
        byte[] bytes = pending.toByteArray();
        out.append(MailCharsets.decode(bytes, 0, bytes.length, charset, warnings));
        pending.reset();
    }

    private static byte[] qDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }

    static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
