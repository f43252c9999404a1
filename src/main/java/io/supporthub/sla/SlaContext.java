package io.supporthub.sla;

import java.util.Locale;

/**
 * The facts about a ticket that choose its SLA policy. Values are normalized: lower-case channel,
 * category and customer tier (missing tier = {@code unknown}), priority {@code P1..P4} (the words
 * critical/high/medium/low are accepted), support tier upper-case ({@code T1}, {@code SPECIALIST}).
 */
public record SlaContext(String channel, String priority, String customerTier, String supportTier, String category) {

    public SlaContext {
        channel = lower(channel);
        priority = priority == null ? null : SlaConditions.priority(priority);
        customerTier = customerTier == null ? "unknown" : SlaConditions.customerTier(customerTier);
        supportTier = supportTier == null ? null : supportTier.strip().toUpperCase(Locale.ROOT);
        category = lower(category);
    }

    public static SlaContext of(String channel, String priority, String customerTier) {
        return new SlaContext(channel, priority, customerTier, null, null);
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
