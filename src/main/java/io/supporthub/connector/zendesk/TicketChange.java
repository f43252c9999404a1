package io.supporthub.connector.zendesk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change the hub makes to a Zendesk ticket: status, priority and a comment, each left alone when
 * null. With {@code basedOn} (the ticket's {@code updated_at} the change was computed from) Zendesk
 * applies it only if nobody changed the ticket since, and answers 409 otherwise: read it again, retry.
 */
public record TicketChange(String status, String priority, NewComment comment, Instant basedOn) {

    public TicketChange {
        NewTicket.oneOf("status", status, NewTicket.STATUSES);
        NewTicket.oneOf("priority", priority, NewTicket.PRIORITIES);
        if (status == null && priority == null && comment == null) {
            throw new IllegalArgumentException("a ticket change changes the status, the priority or adds a comment");
        }
    }

    public static TicketChange status(String status) {
        return new TicketChange(status, null, null, null);
    }

    public static TicketChange priority(String priority) {
        return new TicketChange(null, priority, null, null);
    }

    public static TicketChange comment(NewComment comment) {
        return new TicketChange(null, null, comment, null);
    }

    public TicketChange withStatus(String newStatus) {
        return new TicketChange(newStatus, priority, comment, basedOn);
    }

    public TicketChange withPriority(String newPriority) {
        return new TicketChange(status, newPriority, comment, basedOn);
    }

    public TicketChange withComment(NewComment newComment) {
        return new TicketChange(status, priority, newComment, basedOn);
    }

    /** Applies only if the ticket's updated_at is still {@code updatedAt} (Zendesk's safe update). */
    public TicketChange ifUnchangedSince(Instant updatedAt) {
        return new TicketChange(status, priority, comment, updatedAt);
    }

    /** {@code {"ticket": {…}}} as Update Ticket takes it. */
    Map<String, Object> json() {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("status", status);
        ticket.put("priority", priority);
        if (comment != null) {
            ticket.put("comment", comment.json());
        }
        if (basedOn != null) {
            ticket.put("safe_update", true);
            ticket.put("updated_stamp", basedOn.toString());
        }
        return Map.of("ticket", ticket);
    }
}
