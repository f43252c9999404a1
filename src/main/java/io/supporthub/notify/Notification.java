package io.supporthub.notify;

import java.util.Map;

/** A queued message, claimed for sending; {@code ticketId} is null for an alert about the hub itself (a mailbox down). */
public record Notification(long id, Long ticketId, NotificationKind kind, String recipient, Map<String, Object> payload, int attempts) {

    /** The per-recipient allowance this mail draws on: a follow-up is requested mail; an acknowledgement names its own. */
    public MailAllowance allowance() {
        if (kind == NotificationKind.SATISFACTION_MAIL) {
            return MailAllowance.REQUESTED;
        }
        String named = text(NotificationPolicy.ALLOWANCE);
        return named == null ? MailAllowance.ACKNOWLEDGEMENT : MailAllowance.fromCode(named);
    }

    public String text(String field) {
        Object value = payload.get(field);
        return value == null ? null : value.toString();
    }
}
