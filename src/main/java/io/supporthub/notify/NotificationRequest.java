package io.supporthub.notify;

import java.util.Map;

/**
 * A message to send about a ticket, as planned inside the ticket's transaction.
 *
 * @param dedupeKey unique per ticket and step, so the same alert can never be queued twice
 */
public record NotificationRequest(NotificationKind kind, String recipient, String dedupeKey, Map<String, Object> payload) {

    public NotificationRequest {
        payload = Map.copyOf(payload);
    }
}
