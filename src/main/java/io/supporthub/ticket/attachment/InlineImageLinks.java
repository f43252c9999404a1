package io.supporthub.ticket.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Points the {@code cid:} images of a mail's sanitized HTML at the hub's download URLs of the stored
 * attachments, so the kept HTML shows what the mail showed. An image whose bytes were not kept
 * loses its link and says why in its alt text, rather than staying a dead {@code cid:} reference.
 */
public final class InlineImageLinks {

    private InlineImageLinks() {
    }

    /**
     * @param urls download URL by Content-ID (without angle brackets)
     * @param notKept the reason by Content-ID, for inline parts whose bytes were not stored
     * @return the HTML with every {@code cid:} image resolved, or the input unchanged when it has none
     */
    public static String rewrite(String html, Map<String, String> urls, Map<String, String> notKept) {
        if (html == null || !html.toLowerCase(Locale.ROOT).contains("cid:")) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src").strip();
            if (!src.regionMatches(true, 0, "cid:", 0, 4)) {
                continue;
            }
            String contentId = percentDecode(src.substring(4)).replaceAll("^<|>$", "");
            String url = lookup(urls, contentId);
            if (url != null) {
                img.attr("src", url);
            } else {
                String reason = lookup(notKept, contentId);
                img.removeAttr("src");
                img.attr("alt", "[inline image " + (reason != null ? reason : "missing from the mail") + "]");
            }
            changed = true;
        }
        return changed ? doc.body().html() : html;
    }

    /** Content-IDs are compared exactly first; some clients change the case between the HTML and the part header. */
    private static String lookup(Map<String, String> byContentId, String contentId) {
        String found = byContentId.get(contentId);
        if (found != null) {
            return found;
        }
        for (Map.Entry<String, String> e : byContentId.entrySet()) {
            if (e.getKey().equalsIgnoreCase(contentId)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** RFC 2392: a cid URL carries the Content-ID URL-encoded; unlike form decoding, '+' stays '+'. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                byte[] bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
