package io.supporthub.connector.zendesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ticket the hub opens in Zendesk for one of its own: our key as {@code external_id}, the requester
 * by e-mail (Zendesk finds or creates the end-user) or by a Zendesk user id, the first comment, and the
 * fields sync keeps. Custom fields are not sent yet.
 *
 * @param priority low, normal, high or urgent; null leaves it unset
 * @param status   new, open, pending, hold or solved; null lets Zendesk choose (open when an agent is assigned, else new)
 */
public record NewTicket(String externalId, String subject, Requester requester, NewComment comment, String priority, String status,
                        List<String> tags) {

    static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");

    /** Who asked: a Zendesk user id, or an e-mail (with a name for a user Zendesk does not know yet). */
    public record Requester(Long id, String email, String name) {

        public Requester {
            if (id == null && (email == null || !email.matches("[^@\\s]+@[^@\\s]+"))) {
                throw new IllegalArgumentException("a requester is a Zendesk user id or an e-mail address, got '" + email + "'");
            }
        }

        public static Requester byEmail(String email, String name) {
            return new Requester(null, email, name);
        }

        public static Requester byId(long id) {
            return new Requester(id, null, null);
        }
    }

    public NewTicket {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("a ticket the hub opens in Zendesk carries its key as external_id");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a Zendesk ticket needs a subject");
        }
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(comment, "the first comment");
        oneOf("priority", priority, PRIORITIES);
        oneOf("status", status, STATUSES);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Refuses a value Zendesk does not know for a ticket field, naming the ones it does; null (unset) passes. */
    static void oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException("Zendesk's ticket " + field + " is one of " + new TreeSet<>(allowed) + ", not '" + value + "'");
        }
    }

    /** {@code {"ticket": {…}}} as Create Ticket takes it. */
    Map<String, Object> json() {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("external_id", externalId);
        ticket.put("subject", subject);
        if (requester.id() != null) {
            ticket.put("requester_id", requester.id());
        } else {
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("email", requester.email());
            who.put("name", requester.name() == null || requester.name().isBlank() ? requester.email() : requester.name());
            ticket.put("requester", who);
        }
        ticket.put("comment", comment.json());
        ticket.put("priority", priority);
        ticket.put("status", status);
        ticket.put("tags", tags);
        return Map.of("ticket", ticket);
    }
}
