package io.supporthub.mail.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns mail HTML into readable plain text and into a sanitized copy safe to show agents. */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "ul", "ol", "hr", "dd", "dt", "address", "section", "article",
            "header", "footer");

    // relaxed() keeps layout; images only as cid: links to the mail's own parts, which the ticket store points at its
    // download URLs. Remote images go: they are tracking pixels and leak to the sender when an agent opens the ticket.
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid")
            .addAttributes(":all", "dir")
            .preserveRelativeLinks(false);

    private HtmlText() {
    }

    static String sanitize(String html) {
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "http://invalid/", SAFELIST, settings);
    }

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, noscript").remove();
        StringBuilder out = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String s = text.getWholeText().replaceAll("[ \\t\\r\\n\\u00a0]+", " ");
                    if (endsWithBreak(out) || out.length() == 0) {
                        s = s.stripLeading();
                    }
                    out.append(s);
                } else if (node instanceof Element el) {
                    if (el.normalName().equals("br")) {
                        out.append('\n');
                    } else if (el.normalName().equals("li")) {
                        breakLine(out);
                        out.append("* ");
                    } else if (BLOCKS.contains(el.normalName())) {
                        breakLine(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && BLOCKS.contains(el.normalName()) && !el.normalName().equals("br")) {
                    breakLine(out);
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString().replaceAll(" +\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Blocks only start a new line, so nested divs do not pile up blank lines; a br always breaks. */
    private static void breakLine(StringBuilder out) {
        if (out.length() > 0 && !endsWithBreak(out)) {
            out.append('\n');
        }
    }

    private static boolean endsWithBreak(StringBuilder out) {
        return out.length() > 0 && out.charAt(out.length() - 1) == '\n';
    }
}
