package io.supporthub.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The headers that make a downloaded attachment harmless: {@code Content-Disposition: attachment}
 * with the decoded name encoded per RFC 6266 / RFC 5987, and a Content-Type a browser will not run.
 */
public final class ContentDisposition {

    private static final int MAX_NAME = 200;
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";
    // Types a browser renders with scripts or markup; as a download they are only bytes.
    private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml",
            "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript", "application/x-shockwave-flash",
            "text/xsl", "application/vnd.wap.xhtml+xml", "application/rdf+xml", "text/vtt", "text/cache-manifest");

    private ContentDisposition() {
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded}, the fallback for clients without RFC 5987. */
    public static String attachment(String filename, String fallbackName) {
        String name = cleanName(filename);
        if (name.isEmpty()) {
            name = fallbackName;
        }
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    /** The type to serve: the stored one when it is inert, otherwise application/octet-stream. */
    public static String safeContentType(String type) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        boolean wellFormed = t.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");
        boolean markup = t.endsWith("/xml") || t.endsWith("+xml") || t.contains("html") || t.contains("script");
        if (!wellFormed || markup || ACTIVE.contains(t) || t.startsWith("multipart/")) {
            return "application/octet-stream";
        }
        return t;
    }

    /** The last path segment (some clients send C:\path\name.doc), without control characters, at most 200 characters. */
    static String cleanName(String filename) {
        if (filename == null) {
            return "";
        }
        String name = filename.replaceAll("\\p{Cc}", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.equals(".") || name.equals("..")) {
            return "";
        }
        return name.codePointCount(0, name.length()) <= MAX_NAME ? name : name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
    }

    /** Quotes and backslashes would end or escape the quoted string; '%' is decoded by some browsers; the rest is non-ASCII. */
    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
        return out.toString();
    }

    /** RFC 5987 ext-value: attr-char as is, every other UTF-8 byte as %XX. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
