package io.supporthub.sla.clock;

import io.supporthub.sla.SlaContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the SLA engine needs to know of a ticket: what selects its policy, and what an alert about it shows. */
public record TicketFacts(long id, String key, String subject, String status, String priority, String tier, String queue,
                          String channel, String category, String customerTier, String requesterEmail, String requesterName,
                          String account, String sentiment, int version) {

    /** The ticket columns, qualified by {@code t.}, in the order {@link #read} expects them from {@code offset}. */
    public static final String COLUMNS = "t.id, t.key, t.subject, t.status, t.priority, t.tier, t.queue, t.channel, t.category, "
            + "t.customer_tier, t.requester_email, t.requester_name, t.customer_account, t.sentiment, t.version";
    static final int COLUMN_COUNT = 15;

    public SlaContext context() {
        return new SlaContext(channel, priority, customerTier, tier, category);
    }

    public boolean unresolved() {
        return !status.equals("solved") && !status.equals("closed");
    }

    /** The ticket as every alert about it shows it; the alert adds what happened. */
    public Map<String, Object> alertFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ticket_key", key);
        facts.put("subject", subject);
        facts.put("priority", priority);
        facts.put("category", category);
        facts.put("tier", tier);
        facts.put("queue", queue);
        facts.put("customer_tier", customerTier);
        facts.put("requester", requesterEmail == null ? "" : requesterEmail);
        if (requesterName != null) {
            facts.put("requester_name", requesterName);
        }
        if (account != null) {
            facts.put("account", account);
        }
        return facts;
    }

    public TicketFacts withStatus(String newStatus) {
        return new TicketFacts(id, key, subject, newStatus, priority, tier, queue, channel, category, customerTier, requesterEmail,
                requesterName, account, sentiment, version + 1);
    }

    public TicketFacts withPriority(String newPriority) {
        return new TicketFacts(id, key, subject, status, newPriority, tier, queue, channel, category, customerTier, requesterEmail,
                requesterName, account, sentiment, version + 1);
    }

    public TicketFacts withTier(String newTier, String newQueue) {
        return new TicketFacts(id, key, subject, status, priority, newTier, newQueue, channel, category, customerTier, requesterEmail,
                requesterName, account, sentiment, version + 1);
    }

    public static TicketFacts read(ResultSet rs, int offset) throws SQLException {
        int i = offset;
        return new TicketFacts(rs.getLong(i), rs.getString(i + 1), rs.getString(i + 2), rs.getString(i + 3), rs.getString(i + 4),
                rs.getString(i + 5), rs.getString(i + 6), rs.getString(i + 7), rs.getString(i + 8), rs.getString(i + 9),
                rs.getString(i + 10), rs.getString(i + 11), rs.getString(i + 12), rs.getString(i + 13), rs.getInt(i + 14));
    }

    /**
     * Locks the ticket row for a change in the caller's transaction. FOR NO KEY UPDATE (what an
     * UPDATE of non-key columns takes) leaves the row open to the key-share locks of foreign keys, so
     * a sweep writing this ticket's events never waits for the change, and the two cannot deadlock.
     */
    public static Optional<TicketFacts> lock(Connection c, long ticketId) throws SQLException {
        return lock(c, "t.id = ?", ticketId);
    }

    /** {@link #lock} for many tickets in one statement, in id order (the order every batch locks tickets in); absent ids are left out. */
    public static java.util.List<TicketFacts> lockAll(Connection c, java.util.List<Long> ticketIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from ticket t where t.id = any(?) order by t.id for no key update")) {
            st.setArray(1, c.createArrayOf("int8", ticketIds.toArray()));
            java.util.List<TicketFacts> facts = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    facts.add(read(rs, 1));
                }
            }
            return facts;
        }
    }

    public static Optional<TicketFacts> lockByKey(Connection c, String key) throws SQLException {
        return lock(c, "t.key = ?", key);
    }

    private static Optional<TicketFacts> lock(Connection c, String condition, Object value) throws SQLException {
        // the condition is one of two constants above; the value is bound
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from ticket t where " + condition + " for no key update")) {
            st.setObject(1, value);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, 1)) : Optional.empty();
            }
        }
    }
}
