package io.supporthub.ticket;

import java.util.Locale;

/** Lifecycle status of a ticket; stored and shown in lower case. */
public enum TicketStatus {
    NEW, OPEN, PENDING_CUSTOMER, ON_HOLD, SOLVED, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
