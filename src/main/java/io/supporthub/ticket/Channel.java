package io.supporthub.ticket;

import java.util.Locale;

/** Where a ticket came in. */
public enum Channel {
    EMAIL, ZENDESK, SERVICENOW, SALESFORCE, API;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
