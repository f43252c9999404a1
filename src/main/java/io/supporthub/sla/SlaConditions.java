package io.supporthub.sla;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The "when" of a policy: each listed dimension must contain the ticket's value; an empty set matches anything. */
public record SlaConditions(Set<String> channels, Set<String> priorities, Set<String> customerTiers,
                            Set<String> supportTiers, Set<String> categories) {

    public static final SlaConditions ANY = new SlaConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    static final Set<String> CUSTOMER_TIERS = Set.of("vip", "enterprise", "standard", "unknown");
    private static final Map<String, String> PRIORITY_WORDS =
            Map.of("critical", "P1", "high", "P2", "medium", "P3", "normal", "P3", "low", "P4");

    public SlaConditions {
        channels = Set.copyOf(channels);
        priorities = Set.copyOf(priorities);
        customerTiers = Set.copyOf(customerTiers);
        supportTiers = Set.copyOf(supportTiers);
        categories = Set.copyOf(categories);
    }

    public boolean matches(SlaContext ticket) {
        return allows(channels, ticket.channel()) && allows(priorities, ticket.priority())
                && allows(customerTiers, ticket.customerTier()) && allows(supportTiers, ticket.supportTier())
                && allows(categories, ticket.category());
    }

    private static boolean allows(Set<String> accepted, String value) {
        return accepted.isEmpty() || (value != null && accepted.contains(value));
    }

    /** {@code P1..P4}, or critical/high/medium/low, to {@code P1..P4}. */
    static String priority(String value) {
        String v = value.strip();
        String word = PRIORITY_WORDS.get(v.toLowerCase(Locale.ROOT));
        if (word != null) {
            return word;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.matches("P[1-4]")) {
            return upper;
        }
        throw new IllegalArgumentException("priority '" + value + "' is not P1..P4 (or critical, high, medium, low)");
    }

    static String customerTier(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!CUSTOMER_TIERS.contains(v)) {
            throw new IllegalArgumentException("customer tier '" + value + "' is not one of vip, enterprise, standard, unknown");
        }
        return v;
    }
}
