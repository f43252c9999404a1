package io.supporthub.intake;

import io.supporthub.ticket.Ticket;
import java.util.List;

/**
 * What persisting a draft did.
 *
 * @param ticket the created ticket, or null for a duplicate delivery
 * @param notificationIds the messages queued with the ticket, to send now that it has committed
 */
public record IntakeOutcome(Ticket ticket, List<Long> notificationIds) {

    public static IntakeOutcome duplicate() {
        return new IntakeOutcome(null, List.of());
    }

    public boolean created() {
        return ticket != null;
    }
}
