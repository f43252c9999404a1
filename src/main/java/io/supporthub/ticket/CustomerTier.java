package io.supporthub.ticket;

import java.util.Locale;

/** The customer's commercial tier as the CRM knows it; UNKNOWN when the CRM has no answer. */
public enum CustomerTier {
    VIP, ENTERPRISE, STANDARD, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a CRM picklist value leniently; anything unrecognised is STANDARD, never an error. */
    public static CustomerTier fromCrm(String value) {
        if (value == null || value.isBlank()) {
            return STANDARD;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "vip", "platinum", "strategic" -> VIP;
            case "enterprise", "gold" -> ENTERPRISE;
            default -> STANDARD;
        };
    }

    public static CustomerTier fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
