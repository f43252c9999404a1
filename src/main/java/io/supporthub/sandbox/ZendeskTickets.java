package io.supporthub.sandbox;

import static io.supporthub.sandbox.ZendeskTicketInput.PRIORITIES;
import static io.supporthub.sandbox.ZendeskTicketInput.STATUSES;
import static io.supporthub.sandbox.ZendeskTicketInput.TYPES;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.sandbox.ZendeskRecords.Comment;
import io.supporthub.sandbox.ZendeskRecords.Ticket;
import io.supporthub.sandbox.ZendeskTicketInput.NewComment;
import io.supporthub.sandbox.ZendeskUsers.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated account's tickets: created and updated as Zendesk's Tickets API does (a comment is added by updating
 * the ticket with one), each change written as an audit with its events and kept in the order the incremental
 * export reads.
 */
final class ZendeskTickets {

    /** One change of a ticket, as a webhook event names it ({@code created}, {@code status_changed}, {@code comment_added}…). */
    record Change(String event, String field, Object previous, Object current, Comment comment) {
    }

    /** What a create or update did: the ticket, the audit Zendesk answers with, and the changes; or the refusal. */
    record Outcome(Ticket ticket, Map<String, Object> audit, List<Change> changes, ZendeskAnswer refusal) {
    }

    private final ZendeskUsers users;
    private final ZendeskUploads uploads;
    private final Map<Long, Ticket> tickets = new LinkedHashMap<>();
    private long nextTicketId = 1;
    private long nextCommentId = 100_001;
    private long nextAuditId = 500_001;
    private long nextEventId = 700_001;
    private long changeSequence;

    ZendeskTickets(ZendeskUsers users, ZendeskUploads uploads) {
        this.users = users;
        this.uploads = uploads;
    }

    Optional<Ticket> find(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    List<Ticket> all() {
        return List.copyOf(tickets.values());
    }

    void clear() {
        tickets.clear();
    }

    Outcome create(JsonNode request, User actor, Instant now) {
        try {
            JsonNode input = ZendeskTicketInput.ticketOf(request);
            User requester = ZendeskTicketInput.requester(users, input, now);
            User submitter = input.hasNonNull("submitter_id") ? ZendeskTicketInput.user(users, input, "submitter_id") : actor;
            User assignee = input.hasNonNull("assignee_id") ? staff(ZendeskTicketInput.user(users, input, "assignee_id")) : null;
            NewComment first = ZendeskTicketInput.comment(users, uploads, input, submitter, now);
            String description = input.path("description").asText("").strip();
            if (first == null && !description.isEmpty()) {
                // a description given instead of a comment becomes the first, public comment
                first = new NewComment(description, ZendeskRecords.htmlOf(description), true, submitter, List.of());
            }
            if (first == null) {
                throw ZendeskTicketInput.refused("description", "BlankValue", "Description: cannot be blank");
            }
            String status = ZendeskTicketInput.enumValue(input, "status", STATUSES, assignee == null ? "new" : "open");
            if (status.equals("closed")) {
                throw ZendeskTicketInput.refused("status", "InvalidValue", "Status: a ticket cannot be created closed");
            }
            Ticket ticket = new Ticket(nextTicketId++, now, "api");
            ticket.status = status;
            ticket.priority = ZendeskTicketInput.enumValue(input, "priority", PRIORITIES, null);
            ticket.type = ZendeskTicketInput.enumValue(input, "type", TYPES, null);
            ticket.subject = input.path("subject").asText(null);
            ticket.externalId = input.hasNonNull("external_id") ? input.get("external_id").asText() : null;
            ticket.tags = ZendeskTicketInput.tags(input.path("tags"));
            ticket.requesterId = requester == null ? actor.id : requester.id;
            ticket.submitterId = submitter.id;
            ticket.assigneeId = assignee == null ? null : assignee.id;
            ticket.description = first.body();
            List<Map<String, Object>> events = new ArrayList<>();
            for (String field : List.of("subject", "status", "priority", "type", "tags", "external_id", "requester_id", "assignee_id")) {
                Object value = field(ticket, field);
                if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                    events.add(event("Create", field, value, null));
                }
            }
            addComment(ticket, first, now, events);
            tickets.put(ticket.id, ticket);
            ticket.changeSequence = ++changeSequence;
            return new Outcome(ticket, audit(ticket, actor, now, events), List.of(new Change("created", null, null, null, null)), null);
        } catch (ZendeskTicketInput.Refused refused) {
            return new Outcome(null, null, List.of(), refused.answer);
        }
    }

    Outcome update(long id, JsonNode request, User actor, Instant now) {
        Ticket ticket = tickets.get(id);
        if (ticket == null) {
            return new Outcome(null, null, List.of(), ZendeskAnswer.notFound());
        }
        try {
            if (ticket.status.equals("closed")) {
                throw ZendeskTicketInput.refused("status", "ClosedPreventsUpdate", "Status: closed prevents ticket update");
            }
            JsonNode input = ZendeskTicketInput.ticketOf(request);
            // every value is read and checked before the first is set: a refused request changes nothing
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("subject", input.has("subject") ? input.get("subject").asText(null) : ticket.subject);
            next.put("status", ZendeskTicketInput.enumValue(input, "status", STATUSES, ticket.status));
            next.put("priority", ZendeskTicketInput.enumValue(input, "priority", PRIORITIES, ticket.priority));
            next.put("type", ZendeskTicketInput.enumValue(input, "type", TYPES, ticket.type));
            next.put("tags", tagsAfter(ticket.tags, input));
            next.put("external_id", input.has("external_id") ? input.get("external_id").asText(null) : ticket.externalId);
            User requester = ZendeskTicketInput.requester(users, input, now);
            next.put("requester_id", requester == null ? ticket.requesterId : requester.id);
            next.put("assignee_id", input.has("assignee_id") ? (input.get("assignee_id").isNull() ? null
                    : staff(ZendeskTicketInput.user(users, input, "assignee_id")).id) : ticket.assigneeId);
            NewComment newComment = ZendeskTicketInput.comment(users, uploads, input, actor, now);

            List<Map<String, Object>> events = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            for (Map.Entry<String, Object> entry : next.entrySet()) {
                Object previous = field(ticket, entry.getKey());
                if (!Objects.equals(previous, entry.getValue())) {
                    set(ticket, entry.getKey(), entry.getValue());
                    events.add(event("Change", entry.getKey(), entry.getValue(), previous));
                    changes.add(new Change(changeEvent(entry.getKey()), entry.getKey(), previous, entry.getValue(), null));
                }
            }
            if (newComment != null) {
                changes.add(new Change("comment_added", null, null, null, addComment(ticket, newComment, now, events)));
            }
            if (!changes.isEmpty()) {
                ticket.updatedAt = now;
                ticket.changeSequence = ++changeSequence;
            }
            return new Outcome(ticket, audit(ticket, actor, now, events), changes, null);
        } catch (ZendeskTicketInput.Refused refused) {
            return new Outcome(null, null, List.of(), refused.answer);
        }
    }

    private Comment addComment(Ticket ticket, NewComment input, Instant now, List<Map<String, Object>> events) {
        List<ZendeskUploads.Attachment> files = new ArrayList<>();
        input.uploads().forEach(token -> files.addAll(uploads.consume(token)));
        Comment comment = new Comment(nextCommentId++, nextAuditId, input.author().id, input.body(), input.htmlBody(), input.isPublic(),
                List.copyOf(files), now, "api");
        ticket.comments.add(comment);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", comment.id());
        event.put("type", "Comment");
        event.put("author_id", comment.authorId());
        event.put("body", comment.body());
        event.put("html_body", comment.htmlBody());
        event.put("public", comment.isPublic());
        event.put("attachments", files.stream().map(f -> Map.of("id", f.id(), "file_name", f.fileName())).toList());
        events.add(event);
        return comment;
    }

    private static User staff(User user) {
        if (!user.isStaff()) {
            throw ZendeskTicketInput.refused("assignee", "InvalidValue", "Assignee: " + user.name + " is not an agent");
        }
        return user;
    }

    private static List<String> tagsAfter(List<String> current, JsonNode input) {
        List<String> tags = new ArrayList<>(input.has("tags") ? ZendeskTicketInput.tags(input.get("tags")) : current);
        ZendeskTicketInput.tags(input.path("additional_tags")).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        tags.removeAll(ZendeskTicketInput.tags(input.path("remove_tags")));
        return List.copyOf(tags);
    }

    private static String changeEvent(String field) {
        return switch (field) {
            case "assignee_id" -> "agent_assignment_changed";
            case "requester_id" -> "requester_changed";
            case "type" -> "type_changed";
            default -> field + "_changed";
        };
    }

    private static Object field(Ticket ticket, String field) {
        return switch (field) {
            case "subject" -> ticket.subject;
            case "status" -> ticket.status;
            case "priority" -> ticket.priority;
            case "type" -> ticket.type;
            case "tags" -> ticket.tags;
            case "external_id" -> ticket.externalId;
            case "requester_id" -> ticket.requesterId;
            case "assignee_id" -> ticket.assigneeId;
            default -> throw new IllegalArgumentException(field);
        };
    }

    @SuppressWarnings("unchecked")
    private static void set(Ticket ticket, String field, Object value) {
        switch (field) {
            case "subject" -> ticket.subject = (String) value;
            case "status" -> ticket.status = (String) value;
            case "priority" -> ticket.priority = (String) value;
            case "type" -> ticket.type = (String) value;
            case "tags" -> ticket.tags = value == null ? List.of() : (List<String>) value;
            case "external_id" -> ticket.externalId = (String) value;
            case "requester_id" -> ticket.requesterId = (Long) value;
            case "assignee_id" -> ticket.assigneeId = (Long) value;
            default -> throw new IllegalArgumentException(field);
        }
    }

    private Map<String, Object> event(String type, String field, Object value, Object previous) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", nextEventId++);
        event.put("type", type);
        event.put("field_name", field);
        event.put("value", value);
        if (type.equals("Change")) {
            event.put("previous_value", previous);
        }
        return event;
    }

    private Map<String, Object> audit(Ticket ticket, User actor, Instant now, List<Map<String, Object>> events) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("id", nextAuditId++);
        audit.put("ticket_id", ticket.id);
        audit.put("created_at", ZendeskRecords.time(now));
        audit.put("author_id", actor.id);
        audit.put("via", Map.of("channel", "api"));
        audit.put("metadata", Map.of("system", Map.of(), "custom", Map.of()));
        audit.put("events", events);
        return audit;
    }
}
