package io.supporthub.connector.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** How a configuration value is read from text, and what an admin is told when it cannot be. */
public record ConfigType<T>(String expected, Function<String, T> parser) {

    public static final ConfigType<String> TEXT = new ConfigType<>("text", s -> s);

    public static final ConfigType<Secret> SECRET = new ConfigType<>("a secret (use a reference such as {{env:NAME}})", Secret::of);

    public static final ConfigType<Boolean> BOOLEAN = new ConfigType<>("true or false", s -> {
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException();
    });

    public static final ConfigType<Integer> PORT = new ConfigType<>("a port number from 0 to 65535", s -> {
        int port = Integer.parseInt(s);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException();
        }
        return port;
    });

    public static final ConfigType<Integer> POSITIVE_INT = new ConfigType<>("a whole number above 0", s -> {
        int n = Integer.parseInt(s);
        if (n <= 0) {
            throw new IllegalArgumentException();
        }
        return n;
    });

    /** A size such as 20MB, 512KB or 1048576 (bytes); KB, MB and GB are powers of 1024. */
    public static final ConfigType<Long> BYTE_SIZE = new ConfigType<>("a size above 0 such as 20MB, 512KB or 1048576 (bytes)", s -> {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})\\s*([KMG]?B)?", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(s.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException();
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(java.util.Locale.ROOT);
        long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        });
        if (bytes <= 0) {
            throw new IllegalArgumentException();
        }
        return bytes;
    });

    public static final ConfigType<Duration> DURATION = new ConfigType<>("an ISO-8601 duration such as PT30S", s -> {
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    });

    public static final ConfigType<URI> URL = new ConfigType<>("an absolute http(s) URL", s -> {
        try {
            URI uri = new URI(s);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    });

    public static final ConfigType<String> EMAIL = new ConfigType<>("an e-mail address such as support@example.com", s -> {
        if (!s.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException();
        }
        return s;
    });

    public static ConfigType<String> oneOf(String... choices) {
        return new ConfigType<>("one of " + String.join(", ", choices), s -> {
            for (String choice : choices) {
                if (choice.equals(s)) {
                    return s;
                }
            }
            throw new IllegalArgumentException();
        });
    }
}
