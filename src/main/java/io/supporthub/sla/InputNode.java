package io.supporthub.sla;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value from parsed YAML or JSON (maps, lists, scalars) that knows its path, so every type
 * error names the field, e.g. {@code policies[3].targets.resolution}.
 */
final class InputNode {

    private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");

    private final Object value;
    private final String path;

    private InputNode(Object value, String path) {
        this.value = value;
        this.path = path;
    }

    static InputNode root(Object value, String name) {
        return new InputNode(value, name);
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return value == null;
    }

    boolean isText() {
        return value instanceof String;
    }

    boolean isList() {
        return value instanceof List<?>;
    }

    InvalidSlaInputException error(String problem) {
        return new InvalidSlaInputException(path, problem);
    }

    InputNode get(String key) {
        return new InputNode(map().get(key), child(key));
    }

    /** Entries of a map in document order, keys as text; rejects keys outside {@code allowed}, ignoring case (catches typos). */
    Map<String, InputNode> entries(Set<String> allowed) {
        Map<String, InputNode> result = new LinkedHashMap<>();
        map().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (allowed != null && !allowed.contains(key.toLowerCase(Locale.ROOT))) {
                throw new InvalidSlaInputException(child(key), "unknown field; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            result.put(key, new InputNode(v, child(key)));
        });
        return result;
    }

    void onlyFields(Set<String> allowed) {
        entries(allowed);
    }

    List<InputNode> items() {
        if (!(value instanceof List<?> list)) {
            throw error("expected a list, got " + describe());
        }
        List<InputNode> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            result.add(new InputNode(list.get(i), path + "[" + i + "]"));
        }
        return result;
    }

    /** A single text value or a list of them, as a list (YAML authors write both). */
    List<String> texts() {
        if (value instanceof List<?>) {
            return items().stream().map(InputNode::text).toList();
        }
        return List.of(text());
    }

    String text() {
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        throw error(value == null ? "is required" : "expected text, got " + describe());
    }

    int integer() {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).intValue();
        }
        throw error("expected a whole number, got " + describe());
    }

    /** ISO-8601 ({@code PT15M}, {@code P2D}) or short ({@code 15m}, {@code 4h}, {@code 1h30m}, {@code 90s}, {@code 7d}). */
    Duration duration() {
        String text = text();
        Duration parsed = parseDuration(text);
        if (parsed == null) {
            throw error("'" + text + "' is not a duration; use ISO-8601 like PT15M or short like 15m, 4h, 1h30m, 7d");
        }
        if (parsed.isNegative()) {
            throw error("'" + text + "' is negative");
        }
        return parsed;
    }

    Instant instant() {
        String text = text();
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw error("'" + text + "' is not an ISO instant like 2026-11-23T09:00:00Z");
        }
    }

    LocalDate date() {
        String text = text();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw error("'" + text + "' is not a date like 2026-12-25");
        }
    }

    ZoneId zone() {
        String text = text();
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw error("'" + text + "' is not a time zone; use a region id like Europe/Berlin");
        }
    }

    /** Applies {@code reader} and re-labels its IllegalArgumentException with this node's path. */
    <T> T read(java.util.function.Function<InputNode, T> reader) {
        try {
            return reader.apply(this);
        } catch (InvalidSlaInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidSlaInputException(path, e.getMessage(), e);
        }
    }

    private Map<?, ?> map() {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw error(value == null ? "is required" : "expected an object with fields, got " + describe());
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String describe() {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    static Duration parseDuration(String text) {
        String t = text.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeException e) {
                return null;
            }
        }
        Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
        if (t.isEmpty() || !m.matches()) {
            return null;
        }
        // a day here is 24 hours of target time, as in ISO-8601's PnD for durations
        return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3)))
                .plusSeconds(number(m.group(4)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
