package io.supporthub.notify;

import io.supporthub.db.Json;
import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification outbox: rows written with the ticket, claimed for sending after commit, and
 * retried with backoff until sent. A claim expires, so a crash mid-send means a resend, not a loss.
 */
public class NotificationStore {

    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final Transactions transactions;

    public NotificationStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Queues requests in the caller's transaction; a request whose dedupe key was queued before is skipped. */
    public List<Long> enqueue(Connection connection, long ticketId, List<NotificationRequest> requests) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "insert into notification (ticket_id, kind, recipient, dedupe_key, payload) values (?, ?, ?, ?, ?) "
                        + "on conflict (dedupe_key) do nothing returning id")) {
            for (NotificationRequest request : requests) {
                st.setLong(1, ticketId);
                st.setString(2, request.kind().code());
                st.setString(3, request.recipient());
                st.setString(4, request.dedupeKey());
                st.setObject(5, Json.jsonb(request.payload()));
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Queues a message about the hub itself, which belongs to no ticket (a mailbox that stopped being polled), in the
     * caller's transaction; returns its id, or nothing when its dedupe key was queued before.
     */
    public Optional<Long> enqueueAboutHub(Connection connection, NotificationRequest request) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "insert into notification (ticket_id, kind, recipient, dedupe_key, payload) values (null, ?, ?, ?, ?) "
                        + "on conflict (dedupe_key) do nothing returning id")) {
            st.setString(1, request.kind().code());
            st.setString(2, request.recipient());
            st.setString(3, request.dedupeKey());
            st.setObject(4, Json.jsonb(request.payload()));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** A request and the ticket it is about, for {@link #enqueueAll(Connection, List)}. */
    public record TicketRequest(long ticketId, NotificationRequest request) {
    }

    /**
     * Queues requests about many tickets in one statement, in the caller's transaction; a request
     * whose dedupe key was queued before is skipped. Returns the ids of the rows written.
     */
    public List<Long> enqueueAll(Connection connection, List<TicketRequest> requests) throws SQLException {
        List<Long> tickets = requests.stream().map(TicketRequest::ticketId).toList();
        List<List<NotificationRequest>> perTicket = requests.stream().map(r -> List.of(r.request())).toList();
        return enqueueAll(connection, tickets, perTicket).values().stream().flatMap(List::stream).sorted().toList();
    }

    /**
     * Queues the requests of many tickets — {@code requests.get(i)} for {@code ticketIds.get(i)} — in one statement of the
     * caller's transaction; returns the queued ids by ticket. As with {@link #enqueue}, a dedupe key queued before is skipped.
     */
    public Map<Long, List<Long>> enqueueAll(Connection connection, List<Long> ticketIds, List<List<NotificationRequest>> requests)
            throws SQLException {
        List<Object> tickets = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        List<Object> recipients = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        for (int t = 0; t < ticketIds.size(); t++) {
            for (NotificationRequest request : requests.get(t)) {
                tickets.add(ticketIds.get(t));
                kinds.add(request.kind().code());
                recipients.add(request.recipient());
                keys.add(request.dedupeKey());
                payloads.add(Json.jsonb(request.payload()).getValue());
            }
        }
        Map<Long, List<Long>> queued = new HashMap<>();
        if (tickets.isEmpty()) {
            return queued;
        }
        try (PreparedStatement st = connection.prepareStatement("insert into notification (ticket_id, kind, recipient, dedupe_key, payload) "
                + "select t, k, r, d, p::jsonb from unnest(?::int8[], ?::text[], ?::text[], ?::text[], ?::text[]) as v(t, k, r, d, p) "
                + "on conflict (dedupe_key) do nothing returning id, ticket_id")) {
            st.setArray(1, connection.createArrayOf("int8", tickets.toArray()));
            st.setArray(2, connection.createArrayOf("text", kinds.toArray()));
            st.setArray(3, connection.createArrayOf("text", recipients.toArray()));
            st.setArray(4, connection.createArrayOf("text", keys.toArray()));
            st.setArray(5, connection.createArrayOf("text", payloads.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    queued.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>()).add(rs.getLong(1));
                }
            }
        }
        queued.values().forEach(ids -> ids.sort(null));
        return queued;
    }

    /** Claims one notification for sending, if nobody else holds it and it is not sent yet. */
    public Optional<Notification> claim(long id) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update notification set state = 'sending', claimed_until = now() + ?::interval, attempts = attempts + 1 "
                            + "where id = ? and next_attempt_at <= now() and (state = 'pending' or (state = 'sending' and claimed_until < now())) "
                            + "returning id, ticket_id, kind, recipient, payload::text, attempts")) {
                st.setString(1, CLAIM.toSeconds() + " seconds");
                st.setLong(2, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Ids of notifications due for a (re)try, locked rows skipped so several hub instances share the work. */
    public List<Long> due(int limit) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select id from notification where next_attempt_at <= now() "
                            + "and (state = 'pending' or (state = 'sending' and claimed_until < now())) "
                            + "order by next_attempt_at limit ? for update skip locked")) {
                st.setInt(1, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Hands claims back unsent (a stop cut their send short): pending again at once, not when the claim expires. */
    public void release(java.util.Collection<Long> ids) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update notification set state = 'pending', claimed_until = null where id = any(?) and state = 'sending'")) {
                st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                return st.executeUpdate();
            }
        });
    }

    /** Marks a notification sent and puts it on the ticket's timeline, in one transaction. */
    public void markSent(Notification notification, String reason) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update notification set state = 'sent', sent_at = now(), claimed_until = null, last_error = null where id = ?")) {
                st.setLong(1, notification.id());
                st.executeUpdate();
            }
            if (notification.ticketId() == null) {
                return 1;  // about the hub, not a ticket: no timeline to write to
            }
            try (PreparedStatement st = c.prepareStatement(
                    "insert into ticket_event (ticket_id, type, actor, reason, payload) values (?, 'notified', ?, ?, ?)")) {
                st.setLong(1, notification.ticketId());
                st.setString(2, notification.kind().code());
                st.setString(3, reason);
                st.setObject(4, Json.jsonb(java.util.Map.of("notification_id", notification.id(), "attempts", notification.attempts())));
                return st.executeUpdate();
            }
        });
    }

    /** Keeps a notification a cap stopped, with its reason, and puts the suppression on the ticket's timeline. */
    public void markSuppressed(Notification notification, String reason) {
        endUnsent(notification, "suppressed", reason, "notification_suppressed", "loop-guard", "not sent: " + reason);
    }

    /**
     * A send that can never succeed (the recipient's address is malformed): failed at once, and on the ticket's timeline,
     * so the agent sees that the customer got no mail.
     */
    public void markUndeliverable(Notification notification, String error) {
        endUnsent(notification, "failed", error, "notification_failed", "notify", "cannot be sent: " + error);
    }

    /** Ends a notification that will not be sent, in one transaction with the timeline event that says why. */
    private void endUnsent(Notification notification, String state, String lastError, String eventType, String actor, String outcome) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update notification set state = ?, claimed_until = null, last_error = ? where id = ?")) {
                st.setString(1, state);
                st.setString(2, lastError);
                st.setLong(3, notification.id());
                st.executeUpdate();
            }
            if (notification.ticketId() == null) {
                return 1;  // about the hub, not a ticket: no timeline to write to
            }
            try (PreparedStatement st = c.prepareStatement(
                    "insert into ticket_event (ticket_id, type, actor, reason, payload) values (?, ?, ?, ?, ?)")) {
                st.setLong(1, notification.ticketId());
                st.setString(2, eventType);
                st.setString(3, actor);
                st.setString(4, notification.kind().code() + " to " + notification.recipient() + " " + outcome);
                st.setObject(5, Json.jsonb(java.util.Map.of("notification_id", notification.id())));
                return st.executeUpdate();
            }
        });
    }

    /** Puts a failed send back in the queue with exponential backoff; after maxAttempts it stays failed for an admin. */
    public void markFailed(long id, String error, int maxAttempts) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update notification set state = case when attempts >= ? then 'failed' else 'pending' end, "
                            + "claimed_until = null, last_error = ?, "
                            + "next_attempt_at = now() + least(interval '5 seconds' * power(2, attempts), ?::interval) where id = ?")) {
                st.setInt(1, maxAttempts);
                st.setString(2, error == null ? "unknown error" : error);
                st.setString(3, MAX_BACKOFF.toSeconds() + " seconds");
                st.setLong(4, id);
                return st.executeUpdate();
            }
        });
    }

    private static Notification map(ResultSet rs) throws SQLException {
        return new Notification(rs.getLong(1), rs.getObject(2, Long.class), NotificationKind.fromCode(rs.getString(3)), rs.getString(4),
                Json.map(rs.getString(5)), rs.getInt(6));
    }
}
