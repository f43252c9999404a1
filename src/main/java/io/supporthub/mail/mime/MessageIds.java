package io.supporthub.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts message ids from Message-ID, In-Reply-To and References, which mailers fill with comments and junk. */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");

    private MessageIds() {
    }

    /** Ids without angle brackets; a header without brackets counts as whitespace-separated ids. */
    static List<String> all(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return ids;
        }
        Matcher m = BRACKETED.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : header.trim().split("[\\s,]+")) {
                if (token.contains("@")) {
                    ids.add(token.replaceAll("[<>]", ""));
                }
            }
        }
        return ids;
    }

    static String first(String header) {
        List<String> ids = all(header);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return header == null || header.isBlank() ? null : header.trim();
    }
}
