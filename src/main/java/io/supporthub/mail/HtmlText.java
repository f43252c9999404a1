package io.supporthub.mail;

import java.util.regex.Pattern;

/** A minimal HTML-to-text reduction for mails that carry no text/plain part. */
final class HtmlText {

    private static final Pattern DROPPED = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>");
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/tr|/h[1-6])\\s*/?>");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = DROPPED.matcher(html).replaceAll("");
        text = BREAKS.matcher(text).replaceAll("\n");
        text = TAGS.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
    }
}
