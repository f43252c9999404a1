package io.supporthub.connector.zendesk;

import io.supporthub.connector.spi.HttpFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Zendesk answer's headers say about the rate limits: the account's requests per minute and
 * how many remain ({@code X-Rate-Limit}, {@code X-Rate-Limit-Remaining}, or {@code ratelimit-limit},
 * {@code ratelimit-remaining}, {@code ratelimit-reset} in seconds), an endpoint's own limit
 * ({@code Zendesk-RateLimit-<name>: total=100; remaining=99; resets=41}) and a 429's {@code Retry-After}.
 *
 * @param endpointLimits by the name after {@code zendesk-ratelimit-}, e.g. tickets-index
 */
public record RateLimitReading(OptionalInt accountLimit, OptionalInt accountRemaining, Optional<Duration> accountResetIn,
                               Map<String, EndpointLimit> endpointLimits, Optional<Duration> retryAfter) {

    private static final String ENDPOINT_PREFIX = "zendesk-ratelimit-";
    private static final Pattern PAIR = Pattern.compile("(total|remaining|resets)\\s*=\\s*(\\d{1,9})", Pattern.CASE_INSENSITIVE);

    public static final RateLimitReading NONE = new RateLimitReading(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Map.of(),
            Optional.empty());

    /** One endpoint's own limit, e.g. the List Tickets index: {@code total} per window, {@code remaining}, reset in {@code resetsIn}. */
    public record EndpointLimit(int total, int remaining, Duration resetsIn) {
    }

    public RateLimitReading {
        endpointLimits = Map.copyOf(endpointLimits);
    }

    /** Reads the headers of one answer (names in any case); unreadable values count as absent. */
    public static RateLimitReading of(Map<String, List<String>> headers, Instant now) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty()) {
                h.put(name, values.get(0));
            }
        });
        OptionalInt limit = firstNumber(h, "x-rate-limit", "ratelimit-limit");
        OptionalInt remaining = firstNumber(h, "x-rate-limit-remaining", "ratelimit-remaining");
        OptionalInt reset = firstNumber(h, "ratelimit-reset");
        Map<String, EndpointLimit> endpoints = new LinkedHashMap<>();
        h.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(ENDPOINT_PREFIX) && lower.length() > ENDPOINT_PREFIX.length()) {
                endpointLimit(value).ifPresent(l -> endpoints.put(lower.substring(ENDPOINT_PREFIX.length()), l));
            }
        });
        return new RateLimitReading(limit, remaining, reset.isPresent() ? Optional.of(Duration.ofSeconds(reset.getAsInt())) : Optional.empty(),
                endpoints, HttpFailures.retryAfter(h.get("retry-after"), now));
    }

    /** True when the account's allowance for this minute is used up. */
    public boolean accountExhausted() {
        return accountRemaining.isPresent() && accountRemaining.getAsInt() <= 0;
    }

    private static Optional<EndpointLimit> endpointLimit(String value) {
        Map<String, Integer> parts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Matcher m = PAIR.matcher(value);
        while (m.find()) {
            parts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        if (!parts.containsKey("total") || !parts.containsKey("remaining")) {
            return Optional.empty();
        }
        return Optional.of(new EndpointLimit(parts.get("total"), parts.get("remaining"), Duration.ofSeconds(parts.getOrDefault("resets", 60))));
    }

    private static OptionalInt firstNumber(Map<String, String> headers, String... names) {
        for (String name : names) {
            String value = headers.get(name);
            if (value != null && value.strip().matches("\\d{1,9}")) {
                return OptionalInt.of(Integer.parseInt(value.strip()));
            }
        }
        return OptionalInt.empty();
    }
}
