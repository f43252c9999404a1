package io.supporthub.sla;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an SLA clock measures; the key is the name used in YAML, the API and timeline events. */
public enum SlaMetric {
    FIRST_RESPONSE("first_response"),
    NEXT_REPLY("next_reply"),
    PERIODIC_UPDATE("periodic_update"),
    RESOLUTION("resolution");

    private final String key;

    SlaMetric(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Reads a key such as {@code first_response}; the message lists the valid keys. */
    public static SlaMetric fromKey(String key) {
        String normalized = key == null ? "" : key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SlaMetric metric : values()) {
            if (metric.key.equals(normalized)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an SLA metric; use one of " + keys());
    }

    static String keys() {
        return Arrays.stream(values()).map(SlaMetric::key).collect(Collectors.joining(", "));
    }
}
