package io.supporthub.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Undoes Content-Transfer-Encoding leniently: broken base64 or quoted-printable still yields the readable bytes. */
final class TransferDecoding {

    private static final int[] BASE64 = new int[256];

    static {
        Arrays.fill(BASE64, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = i;
        }
        BASE64['-'] = 62; // URL-safe alphabet shows up in some generated mail
        BASE64['_'] = 63;
    }

    private TransferDecoding() {
    }

    static byte[] decode(byte[] raw, int off, int len, String encoding, List<String> warnings) {
        String cte = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        if (cte.contains("base64") && !cte.contains("gzip")) {
            return base64(raw, off, len);
        }
        if (cte.contains("quoted")) {
            return quotedPrintable(raw, off, len);
        }
        if (cte.contains("uu")) {
            return uudecode(raw, off, len, warnings);
        }
        if (!cte.isEmpty() && !cte.matches("[78] ?-?bits?;?|binary|plain|text|none|8bits|7-bit|8-bit")) {
            warnings.add("unknown Content-Transfer-Encoding '" + encoding + "', kept as is");
        }
        return Arrays.copyOfRange(raw, off, off + len);
    }

    static byte[] base64(byte[] raw) {
        return base64(raw, 0, raw.length);
    }

    /** Skips anything outside the alphabet and stops at padding, like every mail client does. */
    static byte[] base64(byte[] raw, int off, int len) {
        byte[] out = new byte[len * 3 / 4 + 3];
        int n = 0;
        int bits = 0;
        int count = 0;
        for (int i = off; i < off + len; i++) {
            int b = raw[i] & 0xff;
            if (b == '=') {
                // Padding ends a group; some mailers concatenate base64 blocks, so keep reading after it.
                bits = 0;
                count = 0;
                continue;
            }
            int v = BASE64[b];
            if (v < 0) {
                continue;
            }
            bits = (bits << 6) | v;
            count += 6;
            if (count >= 8) {
                count -= 8;
                out[n++] = (byte) (bits >> count);
                bits &= (1 << count) - 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static byte[] quotedPrintable(byte[] raw, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        int end = off + len;
        for (int i = off; i < end; i++) {
            int b = raw[i] & 0xff;
            if (b != '=') {
                out.write(b);
                continue;
            }
            int j = i + 1;
            while (j < end && (raw[j] == ' ' || raw[j] == '\t')) {
                j++; // "=" followed by trailing blanks is still a soft line break
            }
            if (j < end && (raw[j] == '\r' || raw[j] == '\n')) {
                i = raw[j] == '\r' && j + 1 < end && raw[j + 1] == '\n' ? j + 1 : j;
            } else if (j >= end) {
                i = end;
            } else if (i + 2 < end && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b); // a stray '=' is kept literally, as RFC 2045 suggests
            }
        }
        return out.toByteArray();
    }

    static byte[] uudecode(byte[] raw, int off, int len, List<String> warnings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        String text = new String(raw, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean inside = false;
        for (String line : text.split("\r?\n")) {
            if (!inside) {
                inside = line.startsWith("begin ");
                continue;
            }
            if (line.equals("end") || line.isEmpty()) {
                break;
            }
            int count = (line.charAt(0) - 32) & 63;
            int bits = 0;
            int have = 0;
            for (int i = 1; i < line.length() && count > 0; i++) {
                bits = (bits << 6) | ((line.charAt(i) - 32) & 63);
                have += 6;
                if (have >= 8) {
                    have -= 8;
                    out.write((bits >> have) & 0xff);
                    count--;
                }
            }
        }
        if (!inside) {
            warnings.add("uuencoded part has no 'begin' line, kept as is");
            return Arrays.copyOfRange(raw, off, off + len);
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
