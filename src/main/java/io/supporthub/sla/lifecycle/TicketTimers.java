package io.supporthub.sla.lifecycle;

import io.supporthub.sla.clock.TicketFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Escalations and lifecycle automations due at an instant, in PostgreSQL. A timer is its anchor
 * (when the condition began) plus the rule's threshold; (ticket, kind, rule key) fires once, and a
 * cancelled timer can be armed again when the condition begins anew.
 */
public final class TicketTimers {

    public enum Kind {
        TIER_ESCALATION, EXECUTIVE_ESCALATION, MANAGER_NOTICE, SATISFACTION_FOLLOW_UP, AUTO_CLOSE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public record Timer(long id, long ticketId, Kind kind, String ruleKey, Instant anchorAt, Instant dueAt) {
    }

    public record DueTimer(Timer timer, TicketFacts ticket) {
    }

    /** A timer to arm: {@code after} the anchor. */
    public record Arming(long ticketId, Kind kind, String ruleKey, Instant anchor, Duration after) {
    }

    /** Arms a timer; one already pending or fired stays as it is, one cancelled is armed again from the new anchor. */
    public void schedule(Connection c, long ticketId, Kind kind, String ruleKey, Instant anchor, Duration after) throws SQLException {
        scheduleAll(c, List.of(new Arming(ticketId, kind, ruleKey, anchor, after)));
    }

    /** {@link #schedule} for many timers in one batch. */
    public void scheduleAll(Connection c, List<Arming> timers) throws SQLException {
        if (timers.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("insert into ticket_timer (ticket_id, kind, rule_key, anchor_at, due_at) "
                + "values (?, ?, ?, ?, ?) on conflict (ticket_id, kind, rule_key) do update "
                + "set anchor_at = excluded.anchor_at, due_at = excluded.due_at, state = 'pending', outcome = null, fired_at = null "
                + "where ticket_timer.state = 'cancelled'")) {
            for (Arming timer : timers) {
                st.setLong(1, timer.ticketId());
                st.setString(2, timer.kind().code());
                st.setString(3, timer.ruleKey());
                st.setTimestamp(4, Timestamp.from(timer.anchor()));
                st.setTimestamp(5, Timestamp.from(timer.anchor().plus(timer.after())));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Cancels the ticket's pending timers of these kinds, because the condition they wait for has ended. */
    public int cancel(Connection c, long ticketId, Set<Kind> kinds, String why) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update ticket_timer set state = 'cancelled', outcome = ? "
                + "where ticket_id = ? and state = 'pending' and kind = any (?)")) {
            st.setString(1, why);
            st.setLong(2, ticketId);
            st.setArray(3, c.createArrayOf("text", kinds.stream().map(Kind::code).toArray()));
            return st.executeUpdate();
        }
    }

    /**
     * Claims up to {@code limit} due timers with their tickets locked as a ticket change locks them
     * (ticket before timer, the order every change takes), skipping rows someone else holds.
     */
    public List<DueTimer> claimDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select x.id, x.ticket_id, x.kind, x.rule_key, x.anchor_at, x.due_at, "
                + TicketFacts.COLUMNS + " from ticket_timer x join ticket t on t.id = x.ticket_id "
                + "where x.state = 'pending' and x.due_at <= ? order by x.due_at limit ? "
                + "for update of x skip locked for no key update of t skip locked")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setInt(2, limit);
            List<DueTimer> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timer timer = new Timer(rs.getLong(1), rs.getLong(2), Kind.fromCode(rs.getString(3)), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
                    due.add(new DueTimer(timer, TicketFacts.read(rs, 7)));
                }
            }
            return due;
        }
    }

    /** Records what a due timer did ({@code fired}) or why it no longer applied ({@code cancelled}). */
    public void finish(Connection c, long timerId, boolean fired, String outcome, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update ticket_timer set state = ?, outcome = ?, fired_at = ? where id = ?")) {
            st.setString(1, fired ? "fired" : "cancelled");
            st.setString(2, outcome);
            st.setTimestamp(3, Timestamp.from(now));
            st.setLong(4, timerId);
            st.executeUpdate();
        }
    }

    /** Puts a timer whose firing failed aside until {@code retryAt}, with the error, so it neither blocks the batch nor spins. */
    public void postpone(Connection c, long timerId, Instant retryAt, String error) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update ticket_timer set due_at = ?, outcome = ? where id = ?")) {
            st.setTimestamp(1, Timestamp.from(retryAt));
            st.setString(2, "failed, retrying: " + error);
            st.setLong(3, timerId);
            st.executeUpdate();
        }
    }

    /**
     * Moves pending timers of a kind (and rule key, when given) to a new threshold after the
     * policy file changed; {@code after} null cancels them, because the rule was turned off.
     */
    public int reanchor(Connection c, Kind kind, String ruleKey, Duration after) throws SQLException {
        String sql = after == null
                ? "update ticket_timer set state = 'cancelled', outcome = 'rule turned off' where state = 'pending' and kind = ? and (?::text is null or rule_key = ?)"
                : "update ticket_timer set due_at = anchor_at + ? * interval '1 millisecond' where state = 'pending' and kind = ? "
                + "and (?::text is null or rule_key = ?) and due_at <> anchor_at + ? * interval '1 millisecond'";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (after != null) {
                st.setLong(i++, after.toMillis());
            }
            st.setString(i++, kind.code());
            st.setString(i++, ruleKey);
            st.setString(i++, ruleKey);
            if (after != null) {
                st.setLong(i, after.toMillis());
            }
            return st.executeUpdate();
        }
    }

    /** The earliest instant a pending timer is due, or null. */
    public Instant nextDue(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select min(due_at) from ticket_timer where state = 'pending'");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            Timestamp next = rs.getTimestamp(1);
            return next == null ? null : next.toInstant();
        }
    }
}
