package io.supporthub.sla.lifecycle;

import io.supporthub.db.Transactions;
import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.clock.TicketFacts;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The changes agents and the helpdesks make to a ticket — status, priority, a reply or note, a
 * satisfaction rating — each in one transaction with what it implies for the SLA clocks, timers,
 * timeline and outbox. Status and priority changes are guarded by the ticket's version.
 */
public final class TicketChanges {

    public static final Set<String> STATUSES = Set.of("new", "open", "pending_customer", "on_hold", "solved", "closed");
    public static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");

    /** What a change did: the ticket and the notifications to send now that it has committed. */
    public record Outcome(String ticketKey, List<Long> notificationIds) {
    }

    private final Transactions transactions;
    private final SlaLifecycle lifecycle;
    private final Supplier<EscalationPolicy> escalations;
    private final TicketAlerts alerts;
    private final NotificationStore notifications;
    private final TicketStore tickets;

    public TicketChanges(Transactions transactions, SlaLifecycle lifecycle, Supplier<EscalationPolicy> escalations, TicketAlerts alerts,
                         NotificationStore notifications, TicketStore tickets) {
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.escalations = escalations;
        this.alerts = alerts;
        this.notifications = notifications;
        this.tickets = tickets;
    }

    /** Sets status and/or priority (null leaves one as it is) if the ticket is still at {@code expectedVersion}. */
    public Outcome change(String key, int expectedVersion, String status, String priority, String actor) {
        return transactions.inTransaction(c -> {
            TicketFacts ticket = lock(c, key);
            if (ticket.version() != expectedVersion) {
                throw ChangeRejected.conflict(key, expectedVersion, ticket.version());
            }
            Instant now = lifecycle.now();
            if (status != null && !status.equals(ticket.status())) {
                if (ticket.status().equals("closed")) {
                    throw ChangeRejected.invalid(key + " is closed; a closed ticket stays closed (a customer's reply opens a follow-up)");
                }
                ticket = setStatus(c, ticket, status, actor, "set by " + actor, now);
            }
            if (priority != null && !priority.equals(ticket.priority())) {
                String from = ticket.priority();
                TicketRows.setPriority(c, ticket.id(), priority);
                ticket = ticket.withPriority(priority);
                tickets.appendEvent(c, ticket.id(), TicketEvent.of("priority_changed", actor, "priority " + from + " -> " + priority + " set by " + actor,
                        Map.of("from", from, "to", priority)));
                lifecycle.priorityChanged(c, ticket, from, now);
            }
            return new Outcome(key, List.of());
        });
    }

    /**
     * Adds an agent's public reply or internal note. A public reply meets first response and next
     * reply and restarts the periodic update; on a new ticket it also opens it.
     */
    public Outcome comment(String key, Integer expectedVersion, boolean isPublic, String author, String body, String actor) {
        return transactions.inTransaction(c -> {
            TicketFacts ticket = lock(c, key);
            if (expectedVersion != null && ticket.version() != expectedVersion) {
                throw ChangeRejected.conflict(key, expectedVersion, ticket.version());
            }
            if (ticket.status().equals("closed")) {
                throw ChangeRejected.invalid(key + " is closed; comments go on its follow-up ticket");
            }
            Instant now = lifecycle.now();
            long commentId = TicketRows.insertComment(c, ticket.id(), isPublic ? "public" : "internal", author, body);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("comment_id", commentId);
            payload.put("visibility", isPublic ? "public" : "internal");
            tickets.appendEvent(c, ticket.id(), TicketEvent.of("comment_added", actor,
                    (isPublic ? "public reply from " : "internal note from ") + author, payload));
            if (isPublic && ticket.status().equals("new")) {
                ticket = setStatus(c, ticket, "open", actor, "an agent replied", now);
            } else {
                TicketRows.touch(c, ticket.id());
                ticket = ticket.withStatus(ticket.status());
            }
            if (isPublic) {
                lifecycle.agentReplied(c, ticket, now);
            }
            return new Outcome(key, List.of());
        });
    }

    /** Records a satisfaction rating (1-5); one below the policy's threshold asks a manager to review the ticket. */
    public Outcome rate(String key, int score, String comment, String source) {
        checkScore(score);
        return transactions.inTransaction(c -> record(c, lock(c, key), score, comment, source));
    }

    /** A customer's click on a rating link of the follow-up mail; each survey counts once. */
    public Outcome rateBySurvey(String token, int score) {
        checkScore(score);
        return transactions.inTransaction(c -> {
            Long ticketId = token == null || token.isBlank() ? null : TicketRows.openSurvey(c, token);
            if (ticketId == null) {
                throw ChangeRejected.notFound("this rating link is not known");
            }
            if (ticketId < 0) {
                throw ChangeRejected.invalid("this rating was recorded already; thank you");
            }
            TicketRows.answerSurvey(c, token, lifecycle.now());
            return record(c, TicketFacts.lock(c, ticketId).orElseThrow(), score, null, "survey");
        });
    }

    private static void checkScore(int score) {
        if (score < 1 || score > 5) {
            throw ChangeRejected.invalid("score must be a whole number from 1 to 5, got " + score);
        }
    }

    private Outcome record(Connection c, TicketFacts ticket, int score, String comment, String source) throws SQLException {
        Instant now = lifecycle.now();
        long ratingId = TicketRows.insertRating(c, ticket.id(), score, comment, source, now);
        List<TicketEvent> events = new ArrayList<>();
        events.add(TicketEvent.of("satisfaction_rated", source, "customer rated " + score + "/5" + (comment == null ? "" : ": " + comment),
                Map.of("score", score, "rating_id", ratingId)));
        List<NotificationRequest> requests = new ArrayList<>();
        int below = escalations.get().managerReviewBelow();
        if (score < below) {
            String reason = "satisfaction " + score + "/5 is below " + below + ": a manager reviews the ticket";
            events.add(TicketEvent.of("manager_review_requested", "automation", reason, Map.of("rule", "lifecycle.manager_review_below")));
            requests.addAll(alerts.slack("review:" + ticket.key() + ":" + ratingId, ticket.alertFacts(), "manager_review", reason,
                    Map.of("audience", TicketAlerts.MANAGERS, "score", score)));
        }
        lifecycle.cancelFollowUp(c, ticket.id());
        tickets.appendEvents(c, ticket.id(), events);
        return new Outcome(ticket.key(), notifications.enqueue(c, ticket.id(), requests));
    }

    private TicketFacts setStatus(Connection c, TicketFacts ticket, String status, String actor, String why, Instant now) throws SQLException {
        String from = ticket.status();
        TicketRows.setStatus(c, ticket.id(), status);
        TicketFacts after = ticket.withStatus(status);
        tickets.appendEvent(c, ticket.id(), TicketEvent.of("status_changed", actor, "status " + from + " -> " + status + ": " + why,
                Map.of("from", from, "to", status)));
        lifecycle.statusChanged(c, after, from, now, why);
        return after;
    }

    private static TicketFacts lock(Connection c, String key) throws SQLException {
        return TicketFacts.lockByKey(c, key).orElseThrow(() -> ChangeRejected.notFound("no ticket " + key));
    }
}
