package io.supporthub.ticket;

import java.time.Instant;
import java.util.Map;

/** One entry of a ticket's timeline: what happened, who or what decided it, and why. */
public record TicketEvent(String type, String actor, String reason, Map<String, Object> payload, Instant occurredAt) {

    public TicketEvent {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public static TicketEvent of(String type, String actor, String reason, Map<String, Object> payload) {
        return new TicketEvent(type, actor, reason, payload, null);
    }
}
