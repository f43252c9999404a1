package io.supporthub.mail.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns bytes labelled with a mail charset name into text, never throwing on a bad or unknown label. */
final class MailCharsets {

    // Mail clients label text with the narrow charset but send the vendor superset (WHATWG does the same).
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"),
            Map.entry("iso-8859-11", "x-windows-874"),
            Map.entry("tis-620", "x-windows-874"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"),
            Map.entry("euc-cn", "GB18030"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode", "UTF-16LE"),
            Map.entry("ucs-2", "UTF-16"),
            Map.entry("iso-10646-ucs-2", "UTF-16"),
            Map.entry("koi8", "KOI8-R"),
            Map.entry("cp-850", "IBM850"),
            Map.entry("macintosh", "x-MacRoman"),
            Map.entry("mac", "x-MacRoman"));

    private static final java.util.Set<String> LATIN_LABELS = java.util.Set.of("us-ascii", "ascii", "iso-8859-1",
            "latin1", "iso_8859-1", "windows-1252", "cp1252", "iso-8859-15", "ansi_x3.4-1968");

    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private MailCharsets() {
    }

    /** Decodes with the declared charset, falling back to UTF-8 then windows-1252, noting each fallback. */
    static String decode(byte[] data, int off, int len, String declared, List<String> warnings) {
        String label = normalize(declared);
        if (label.contains("utf-7")) {
            return Utf7.decode(data, off, len);
        }
        if (isAscii(data, off, len) && !label.startsWith("utf-16") && !label.startsWith("utf-32")
                && !label.contains("2022") && !label.equals("unicode") && !label.startsWith("ucs")) {
            return new String(data, off, len, StandardCharsets.ISO_8859_1);
        }
        Charset charset = lookup(label);
        if (charset == null) {
            if (!label.isEmpty() && warnings != null) {
                warnings.add("unknown charset '" + declared + "', detected instead");
            }
            return detect(data, off, len);
        }
        if (LATIN_LABELS.contains(label)) {
            // Valid multi-byte UTF-8 is almost never real Latin-1 text, while UTF-8 labelled Latin-1 is common.
            String utf8 = tryStrict(StandardCharsets.UTF_8, data, off, len);
            if (utf8 != null) {
                note(warnings, "text labelled " + declared + " is UTF-8");
                return UnicodeText.repair(utf8);
            }
        }
        String strict = tryStrict(charset, data, off, len);
        if (strict != null) {
            return UnicodeText.repair(strict);
        }
        if (charset.name().equals("ISO-2022-JP")) { // Microsoft's variant adds NEC and IBM extensions
            String ms = tryStrict(Charset.forName("x-windows-iso2022jp"), data, off, len);
            if (ms != null) {
                return UnicodeText.repair(ms);
            }
        }
        String utf8 = charset == StandardCharsets.UTF_8 ? null : tryStrict(StandardCharsets.UTF_8, data, off, len);
        if (utf8 != null) {
            note(warnings, "text labelled " + declared + " is UTF-8");
            return UnicodeText.repair(utf8);
        }
        boolean multiByte = charset.newEncoder().maxBytesPerChar() > 1 && !label.contains("2022");
        if (!multiByte || looksMostlyBroken(charset, data, off, len)) {
            // Every byte has a windows-1252 reading; better than U+FFFD for 7-bit or single-byte labels.
            note(warnings, "text is not valid " + declared + "; read as windows-1252");
            return latin(data, off, len);
        }
        note(warnings, "text is not valid " + declared + "; undecodable bytes replaced");
        return UnicodeText.repair(new String(data, off, len, charset));
    }

    /** Decodes a header value whose raw 8-bit bytes were kept as Latin-1 characters. */
    static String decodeRawHeader(String latin1, String hintCharset) {
        boolean eightBit = false;
        for (int i = 0; i < latin1.length() && !eightBit; i++) {
            eightBit = latin1.charAt(i) > 0x7f;
        }
        if (!eightBit) {
            return latin1;
        }
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = tryStrict(StandardCharsets.UTF_8, bytes, 0, bytes.length);
        if (utf8 != null) {
            return UnicodeText.repair(utf8);
        }
        Charset hint = lookup(normalize(hintCharset));
        if (hint != null) {
            String hinted = tryStrict(hint, bytes, 0, bytes.length);
            if (hinted != null) {
                return UnicodeText.repair(hinted);
            }
        }
        return latin(bytes, 0, bytes.length);
    }

    static Charset lookup(String label) {
        String alias = ALIASES.get(label);
        String name = alias != null ? alias : label;
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (RuntimeException illegalName) {
            return null;
        }
    }

    static String normalize(String declared) {
        if (declared == null) {
            return "";
        }
        String s = declared.trim().toLowerCase(Locale.ROOT);
        int star = s.indexOf('*'); // RFC 2231 language suffix, e.g. utf-8*en
        if (star >= 0) {
            s = s.substring(0, star);
        }
        return s.replace("\"", "").replace("'", "").trim();
    }

    private static String detect(byte[] data, int off, int len) {
        if (len >= 2 && ((data[off] & 0xff) == 0xfe && (data[off + 1] & 0xff) == 0xff
                || (data[off] & 0xff) == 0xff && (data[off + 1] & 0xff) == 0xfe)) {
            return UnicodeText.repair(new String(data, off, len, StandardCharsets.UTF_16));
        }
        String utf8 = tryStrict(StandardCharsets.UTF_8, data, off, len);
        return utf8 != null ? UnicodeText.repair(utf8) : latin(data, off, len);
    }

    /** windows-1252, with its five unassigned bytes kept as their Latin-1 code points instead of U+FFFD. */
    static String latin(byte[] data, int off, int len) {
        char[] out = new String(data, off, len, FALLBACK).toCharArray();
        for (int i = 0; i < len; i++) {
            if (out[i] == '\uFFFD') {
                out[i] = (char) (data[off + i] & 0xff);
            }
        }
        return UnicodeText.repair(new String(out));
    }

    private static String tryStrict(Charset charset, byte[] data, int off, int len) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(data, off, len));
            return chars.toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    // Mislabelled Latin-1 as UTF-8 would turn every accent into U+FFFD; Latin-1 keeps it readable.
    private static boolean looksMostlyBroken(Charset charset, byte[] data, int off, int len) {
        String s = new String(data, off, len, charset);
        long bad = s.chars().filter(c -> c == 0xFFFD).count();
        long high = 0;
        for (int i = off; i < off + len; i++) {
            high += (data[i] & 0x80) != 0 ? 1 : 0;
        }
        return bad * 2 >= high / 2 + 1;
    }

    private static boolean isAscii(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static void note(List<String> warnings, String warning) {
        if (warnings != null) {
            warnings.add(warning);
        }
    }
}
