package io.supporthub.sandbox;

import io.supporthub.sandbox.ZendeskRecords.Ticket;
import io.supporthub.sandbox.ZendeskTickets.Change;
import io.supporthub.sandbox.ZendeskUsers.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A ticket's changes as the payloads of Zendesk's ticket events ({@code zen:event-type:ticket.created},
 * {@code …status_changed}, {@code …comment_added}…): the event's type and subject, the ticket after the change in
 * {@code detail} (ids as strings), and what changed in {@code event}, one action's events sharing a sequence id.
 */
final class ZendeskEvents {

    static final String EVENT_VERSION = "2022-11-06";

    private ZendeskEvents() {
    }

    static List<Map<String, Object>> of(Ticket ticket, List<Change> changes, User actor, long accountId, Instant now) {
        List<Map<String, Object>> events = new ArrayList<>();
        String sequence = UUID.randomUUID().toString();
        for (Change change : changes) {
            Map<String, Object> event = new LinkedHashMap<>();
            if (change.comment() != null) {
                event.put("comment", Map.of("id", Long.toString(change.comment().id()), "body", change.comment().body(),
                        "is_public", change.comment().isPublic(), "author", Map.of("id", Long.toString(change.comment().authorId()))));
            } else if (change.field() != null) {
                event.put("current", eventValue(change.field(), change.current()));
                event.put("previous", eventValue(change.field(), change.previous()));
            }
            event.put("meta", Map.of("sequence", Map.of("id", sequence, "position", events.size() + 1)));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "zen:event-type:ticket." + change.event());
            payload.put("account_id", accountId);
            payload.put("id", UUID.randomUUID().toString());
            payload.put("time", ZendeskRecords.time(now));
            payload.put("zendesk_event_version", EVENT_VERSION);
            payload.put("subject", "zen:ticket:" + ticket.id);
            payload.put("detail", detail(ticket, actor));
            payload.put("event", event);
            events.add(payload);
        }
        return events;
    }

    private static Map<String, Object> detail(Ticket ticket, User actor) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actor_id", Long.toString(actor.id));
        detail.put("assignee_id", ticket.assigneeId == null ? null : Long.toString(ticket.assigneeId));
        detail.put("created_at", ZendeskRecords.time(ticket.createdAt));
        detail.put("description", ticket.description);
        detail.put("external_id", ticket.externalId);
        detail.put("id", Long.toString(ticket.id));
        detail.put("is_public", ticket.isPublic());
        detail.put("priority", eventValue("priority", ticket.priority));
        detail.put("requester_id", Long.toString(ticket.requesterId));
        detail.put("status", eventValue("status", ticket.status));
        detail.put("subject", ticket.subject);
        detail.put("submitter_id", Long.toString(ticket.submitterId));
        detail.put("tags", ticket.tags);
        detail.put("type", eventValue("type", ticket.type));
        detail.put("updated_at", ZendeskRecords.time(ticket.updatedAt));
        detail.put("via", Map.of("channel", ticket.channel));
        return detail;
    }

    /** Ticket events write statuses, priorities and types in capitals ({@code OPEN}, {@code HIGH}) and ids as strings. */
    private static Object eventValue(String field, Object value) {
        if (value instanceof String text && (field.equals("status") || field.equals("priority") || field.equals("type"))) {
            return text.toUpperCase(Locale.ROOT);
        }
        return value instanceof Long id ? Long.toString(id) : value;
    }
}
