package io.supporthub.notify;

import java.time.Duration;

/**
 * Limits on automatic mail, so two auto-responders can never ping-pong (anchors.md A10): at most
 * {@code perTicket} mails per ticket within {@code perTicketWindow}, and {@code perRecipient} per
 * address within {@code perRecipientWindow}.
 */
public record MailCaps(int perTicket, Duration perTicketWindow, int perRecipient, Duration perRecipientWindow) {

    public static MailCaps defaults() {
        return new MailCaps(3, Duration.ofHours(1), 10, Duration.ofDays(1));
    }
}
