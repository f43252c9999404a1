package io.supporthub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults the Zendesk simulator plays on demand, in the order they were asked for: an error status (429 with
 * Retry-After, 500, 503…), a slow answer, or both, for the next {@code count} API requests that match an optional
 * method and path prefix.
 */
final class ZendeskFaults {

    /** One fault; {@code status} 0 means the request is served normally after the delay. */
    record Fault(int status, long retryAfterSeconds, long delayMillis, String method, String pathPrefix, String body) {

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && (pathPrefix == null || path.startsWith(pathPrefix));
        }

        /** The answer a faulting Zendesk gives, or empty when only the delay is asked for. */
        Optional<ZendeskAnswer> answer() {
            if (status == 0) {
                return Optional.empty();
            }
            ZendeskAnswer answer;
            if (body != null) {
                answer = new ZendeskAnswer(status, body, body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8", Map.of());
            } else if (status == 429) {
                answer = new ZendeskAnswer(429, "Number of allowed API requests per minute exceeded", "text/plain; charset=utf-8", Map.of());
            } else {
                answer = ZendeskAnswer.json(status, Map.of("error", status >= 500 ? "ServerError" : "ClientError",
                        "description", "Simulated fault " + status + " (asked for through /_sim/faults)"));
            }
            return Optional.of(retryAfterSeconds > 0 ? answer.withHeader("Retry-After", Long.toString(retryAfterSeconds)) : answer);
        }

        Map<String, Object> asMap(int remaining) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("status", status == 0 ? null : status);
            map.put("retry_after", retryAfterSeconds == 0 ? null : retryAfterSeconds);
            map.put("delay_ms", delayMillis);
            map.put("method", method);
            map.put("path", pathPrefix);
            map.put("remaining", remaining);
            return map;
        }
    }

    private final List<Fault> pending = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();

    /**
     * Adds a fault from {@code {"status":429,"retry_after":3,"count":5,"delay_ms":0,"method":"PUT","path":"/api/v2/tickets"}};
     * every key but one of status or delay_ms is optional (count 1, any method, any path).
     */
    synchronized Map<String, Object> add(JsonNode spec) {
        int status = spec.path("status").asInt(0);
        long delay = spec.path("delay_ms").asLong(0);
        int count = spec.path("count").asInt(1);
        long retryAfter = spec.path("retry_after").asLong(status == 429 ? 1 : 0);
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be an error status from 400 to 599, got " + status);
        }
        if (status == 0 && delay <= 0) {
            throw new IllegalArgumentException("a fault needs a status (400-599) or a delay_ms above 0");
        }
        if (count < 1 || delay < 0 || retryAfter < 0) {
            throw new IllegalArgumentException("count must be at least 1, delay_ms and retry_after not negative");
        }
        Fault fault = new Fault(status, retryAfter, delay, spec.path("method").asText(null), spec.path("path").asText(null),
                spec.path("body").asText(null));
        pending.add(fault);
        remaining.add(count);
        return fault.asMap(count);
    }

    /** The first pending fault for this request, counted as played. */
    synchronized Optional<Fault> take(String method, String path) {
        for (int i = 0; i < pending.size(); i++) {
            Fault fault = pending.get(i);
            if (fault.matches(method, path)) {
                int left = remaining.get(i) - 1;
                if (left == 0) {
                    pending.remove(i);
                    remaining.remove(i);
                } else {
                    remaining.set(i, left);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    synchronized List<Map<String, Object>> pending() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            list.add(pending.get(i).asMap(remaining.get(i)));
        }
        return list;
    }

    synchronized void clear() {
        pending.clear();
        remaining.clear();
    }
}
