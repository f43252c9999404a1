package io.supporthub.mail.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Authentication-Results header field (RFC 8601 §2.2): who evaluated the mail (the authserv-id) and what each method
 * found. No library parses this field on its own (jDKIM writes results but reads none), and its grammar is small: a
 * header is read leniently, and one that names no authserv-id (as Microsoft 365 writes them) is not read at all, since
 * nobody could be trusted for it.
 *
 * @param authservId the evaluating server's id, lower-case
 * @param results each method's result, in the order written; empty for {@code none}
 */
public record AuthenticationResults(String authservId, List<MethodResult> results) {

    /**
     * One method's result: {@code dkim=pass header.d=example.com}.
     *
     * @param method lower-case method, without its version ({@code dkim}, {@code spf}, {@code dmarc})
     * @param result lower-case result ({@code pass}, {@code fail}, {@code none}, {@code temperror}, ...)
     * @param properties lower-case {@code ptype.property} to its value ({@code header.d} to {@code example.com})
     */
    public record MethodResult(String method, String result, Map<String, String> properties) {

        public MethodResult {
            properties = Map.copyOf(properties);
        }

        public String property(String name) {
            return properties.get(name);
        }
    }

    // method[/version] = value, reason = value, ptype.property = value; a value is a quoted string or a run without blanks and ';'
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]*)\\s*(?:/\\s*\\d+)?\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\";]+)");
    private static final Pattern AUTHSERV_ID = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\";=]+");

    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /** The field's value read, or empty when it names no authserv-id. */
    public static Optional<AuthenticationResults> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        List<String> parts = splitOnSemicolons(withoutComments(value));
        String head = parts.get(0).strip();
        Matcher id = AUTHSERV_ID.matcher(head);
        if (head.isEmpty() || head.contains("=") || !id.lookingAt()) {
            return Optional.empty();
        }
        String authservId = unquote(id.group()).toLowerCase(Locale.ROOT);
        List<MethodResult> results = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            method(part).ifPresent(results::add);
        }
        return Optional.of(new AuthenticationResults(authservId, results));
    }

    /** The first result of a method, in the order written. */
    public Optional<MethodResult> first(String method) {
        return results.stream().filter(r -> r.method().equals(method)).findFirst();
    }

    private static Optional<MethodResult> method(String part) {
        Matcher m = ASSIGNMENT.matcher(part);
        if (!m.find() || m.start() != leadingBlanks(part)) {
            return Optional.empty();  // "none", or text that is no method=result
        }
        String method = m.group(1).toLowerCase(Locale.ROOT);
        String result = unquote(m.group(2)).toLowerCase(Locale.ROOT);
        Map<String, String> properties = new LinkedHashMap<>();
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (name.contains(".")) {
                properties.putIfAbsent(name, unquote(m.group(2)));
            }
        }
        return Optional.of(new MethodResult(method, result, properties));
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** RFC 5322 comments, nested, outside quoted strings, become a blank. */
    static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (quoted || depth > 0)) {
                if (depth == 0) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                if (--depth == 0) {
                    out.append(' ');
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> splitOnSemicolons(String value) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }
}
