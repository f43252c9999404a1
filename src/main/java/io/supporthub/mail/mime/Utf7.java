package io.supporthub.mail.mime;

import java.nio.charset.StandardCharsets;

/** Decodes RFC 2152 UTF-7, which the JDK does not ship but old Outlook and webmail still send. */
final class Utf7 {

    private static final String BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {
    }

    /** Never throws: bytes that are not UTF-7 are kept as Latin-1 so no text is lost. */
    static String decode(byte[] data, int off, int len) {
        StringBuilder out = new StringBuilder(len);
        int end = off + len;
        int i = off;
        while (i < end) {
            int b = data[i] & 0xff;
            if (b != '+') {
                out.append((char) b);
                i++;
                continue;
            }
            i++;
            if (i < end && data[i] == '-') { // "+-" is the escaped plus sign
                out.append('+');
                i++;
                continue;
            }
            int bits = 0;
            int bitCount = 0;
            while (i < end && BASE64.indexOf(data[i] & 0xff) >= 0) {
                bits = (bits << 6) | BASE64.indexOf(data[i] & 0xff);
                bitCount += 6;
                if (bitCount >= 16) {
                    bitCount -= 16;
                    out.append((char) ((bits >> bitCount) & 0xffff));
                }
                i++;
            }
            if (i < end && data[i] == '-') { // the optional terminator is absorbed
                i++;
            }
        }
        return UnicodeText.repair(out.toString());
    }

    static String decode(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return decode(bytes, 0, bytes.length);
    }
}
