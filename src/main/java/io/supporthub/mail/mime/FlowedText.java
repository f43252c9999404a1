package io.supporthub.mail.mime;

/** Joins RFC 3676 format=flowed lines back into paragraphs so quoted-text detection sees whole lines. */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, String format, String delsp) {
        if (format == null || !format.equalsIgnoreCase("flowed")) {
            return text;
        }
        boolean deleteSpace = "yes".equalsIgnoreCase(delsp);
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // Only lines of equal quote depth join (RFC 3676 4.5): a quote never swallows the reply after it.
            boolean soft = line.endsWith(" ") && !line.equals("-- ") && i + 1 < lines.length
                    && quoteDepth(line) == quoteDepth(lines[i + 1]) && !lines[i + 1].isEmpty();
            if (soft) {
                out.append(deleteSpace ? line.substring(0, line.length() - 1) : line);
            } else {
                out.append(line);
                if (i + 1 < lines.length) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    private static int quoteDepth(String line) {
        int d = 0;
        while (d < line.length() && line.charAt(d) == '>') {
            d++;
        }
        return d;
    }
}
