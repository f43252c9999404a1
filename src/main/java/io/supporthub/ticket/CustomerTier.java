package io.supporthub.ticket;

import java.util.Locale;

/** The customer's commercial tier as the CRM knows it; UNKNOWN when the CRM has no answer. */
public enum CustomerTier {
    VIP, ENTERPRISE, STANDARD, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomerTier fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
