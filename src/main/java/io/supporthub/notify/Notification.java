package io.supporthub.notify;

import java.util.Map;

/** A queued message, claimed for sending; {@code ticketId} is null for an alert about the hub itself (a mailbox down). */
public record Notification(long id, Long ticketId, NotificationKind kind, String recipient, Map<String, Object> payload, int attempts) {

    public String text(String field) {
        Object value = payload.get(field);
        return value == null ? null : value.toString();
    }
}
