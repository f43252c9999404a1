package io.supporthub.mail;

import io.supporthub.db.Transactions;
import io.supporthub.mail.auth.SenderVerdict;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of every mail the mailbox delivered and what became of it. Its unique message key
 * is what turns an at-least-once mailbox into an exactly-once effect.
 */
public class MailLedger {

    /** The decision of a mail a policy held in quarantine (the creation cap); releasing it lets intake record it anew. */
    public static final String HELD = "held";

    private static final String COLUMNS = "mailbox, message_key, message_id, raw_sha256, raw_size, decision, decided_by, reason, "
            + "mailbox_name, uidvalidity, uid, sender_auth, sender_auth_reason, sender_trusted";

    /**
     * One mail to record, and what became of it.
     *
     * @param ticketId the ticket the mail opens, when its id was drawn before the ticket is written (same transaction), else null
     */
    public record Entry(MailReceipt receipt, String decision, String decidedBy, String reason, Long ticketId) {

        public Entry(MailReceipt receipt, String decision, String decidedBy, String reason) {
            this(receipt, decision, decidedBy, reason, null);
        }

        public Entry withTicket(long id) {
            return new Entry(receipt, decision, decidedBy, reason, id);
        }
    }

    private final Transactions transactions;

    public MailLedger(Transactions transactions) {
        this.transactions = transactions;
    }

    /** A cheap early check so a redelivered mail skips the CRM call; the unique key still decides. */
    public boolean isRecorded(String messageKey) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select 1 from mail_message where message_key = ?")) {
                st.setString(1, messageKey);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The configured mailbox whose mail opened the ticket, if a mailbox's mail did (and its name was recorded). */
    public java.util.Optional<String> mailboxNameOf(long ticketId) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select mailbox_name from mail_message where ticket_id = ? "
                    + "and decision = 'created_ticket' and mailbox_name is not null order by id limit 1")) {
                st.setLong(1, ticketId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
                }
            }
        });
    }

    /**
     * The UIDs among {@code uids} whose mail was handled already — recorded, or quarantined — while the
     * folder had this UIDVALIDITY: what a crash left unflagged between commit and STORE.
     */
    public Set<Long> handledUids(String mailboxName, long uidValidity, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return Set.of();
        }
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select uid from mail_message where mailbox_name = ? and uidvalidity = ? and uid = any(?) "
                            + "union select uid from mail_quarantine where mailbox_name = ? and uidvalidity = ? and uid = any(?)")) {
                Array array = c.createArrayOf("int8", uids.toArray());
                st.setString(1, mailboxName);
                st.setLong(2, uidValidity);
                st.setArray(3, array);
                st.setString(4, mailboxName);
                st.setLong(5, uidValidity);
                st.setArray(6, array);
                Set<Long> handled = new HashSet<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        handled.add(rs.getLong(1));
                    }
                }
                return handled;
            }
        });
    }

    /**
     * Records the mail in the caller's transaction. Returns false when it was recorded before: a
     * concurrent delivery of the same mail waits here for the first to commit, then sees the conflict.
     * A mail recorded as {@link #HELD} is the exception: what a released mail became replaces the hold.
     */
    public boolean record(Connection connection, MailReceipt receipt, String decision, String decidedBy, String reason) throws SQLException {
        return insert(connection, receipt, decision, decidedBy, reason,
                " on conflict (message_key) do update set decision = excluded.decision, decided_by = excluded.decided_by, "
                        + "reason = excluded.reason, sender_auth = excluded.sender_auth, sender_auth_reason = excluded.sender_auth_reason, "
                        + "sender_trusted = excluded.sender_trusted where mail_message.decision = 'held'");
    }

    /** Records a mail as held, in the caller's transaction; false when it was recorded before (held or not). */
    public boolean recordHeld(Connection connection, MailReceipt receipt, String heldBy, String reason) throws SQLException {
        return insert(connection, receipt, HELD, heldBy, reason, " on conflict (message_key) do nothing");
    }

    private static boolean insert(Connection connection, MailReceipt receipt, String decision, String decidedBy, String reason,
                                  String onConflict) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "insert into mail_message (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflict)) {
            st.setString(1, receipt.mailbox());
            st.setString(2, receipt.messageKey());
            st.setString(3, receipt.messageId());
            st.setString(4, receipt.rawSha256());
            st.setInt(5, receipt.rawSize());
            st.setString(6, decision);
            st.setString(7, decidedBy);
            st.setString(8, reason);
            st.setString(9, receipt.mailboxName());
            st.setObject(10, receipt.uidValidity(), java.sql.Types.BIGINT);
            st.setObject(11, receipt.uid(), java.sql.Types.BIGINT);
            SenderVerdict sender = receipt.sender();
            st.setString(12, sender == null ? null : sender.code());
            st.setString(13, sender == null ? null : sender.reason());
            st.setObject(14, sender == null ? null : sender.trusted(), java.sql.Types.BOOLEAN);
            return st.executeUpdate() == 1;
        }
    }

    /** Whether a mail is recorded as held, so releasing it may run intake although its key is recorded. */
    public boolean isHeld(String messageKey) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select 1 from mail_message where message_key = ? and decision = 'held'")) {
                st.setString(1, messageKey);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Records many mails in one statement of the caller's transaction and returns the keys that were new; a
     * key recorded before — by an earlier or a concurrent delivery — creates nothing. Rows go in key order,
     * so two batches that share keys lock them in the same order and cannot deadlock. An entry's ticket id
     * must be written by the same transaction (the reference is checked at commit).
     */
    public Set<String> recordAll(Connection connection, List<Entry> entries) throws SQLException {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing((Entry e) -> e.receipt().messageKey()))
                .forEach(e -> byKey.putIfAbsent(e.receipt().messageKey(), e));
        if (byKey.isEmpty()) {
            return Set.of();
        }
        List<Entry> rows = new ArrayList<>(byKey.values());
        try (PreparedStatement st = connection.prepareStatement("insert into mail_message (" + COLUMNS + ", ticket_id) "
                + "select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::int8[], ?::int8[], ?::text[], ?::text[], ?::bool[], ?::int8[]) on conflict (message_key) do nothing returning message_key")) {
            st.setArray(1, column(connection, "text", rows, e -> e.receipt().mailbox()));
            st.setArray(2, column(connection, "text", rows, e -> e.receipt().messageKey()));
            st.setArray(3, column(connection, "text", rows, e -> e.receipt().messageId()));
            st.setArray(4, column(connection, "text", rows, e -> e.receipt().rawSha256()));
            st.setArray(5, column(connection, "int4", rows, e -> e.receipt().rawSize()));
            st.setArray(6, column(connection, "text", rows, Entry::decision));
            st.setArray(7, column(connection, "text", rows, Entry::decidedBy));
            st.setArray(8, column(connection, "text", rows, Entry::reason));
            st.setArray(9, column(connection, "text", rows, e -> e.receipt().mailboxName()));
            st.setArray(10, column(connection, "int8", rows, e -> e.receipt().uidValidity()));
            st.setArray(11, column(connection, "int8", rows, e -> e.receipt().uid()));
            st.setArray(12, column(connection, "text", rows, e -> e.receipt().sender() == null ? null : e.receipt().sender().code()));
            st.setArray(13, column(connection, "text", rows, e -> e.receipt().sender() == null ? null : e.receipt().sender().reason()));
            st.setArray(14, column(connection, "bool", rows, e -> e.receipt().sender() == null ? null : e.receipt().sender().trusted()));
            st.setArray(15, column(connection, "int8", rows, Entry::ticketId));
            Set<String> inserted = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
            return inserted;
        }
    }

    private static Array column(Connection connection, String type, List<Entry> rows, java.util.function.Function<Entry, Object> value)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(value).toArray());
    }

    /** Records a mail a filter decided not to turn into a ticket; false when it was recorded before. */
    public boolean recordDecision(MailReceipt receipt, String decision, String decidedBy, String reason) {
        return recordDecision(receipt, decision, decidedBy, reason, null);
    }

    /**
     * As above, and when the mail answers a ticket (a bounce or auto-reply to our acknowledgement), links it and
     * puts the decision on that ticket's timeline: an agent should see that the customer's address bounces.
     */
    public boolean recordDecision(MailReceipt receipt, String decision, String decidedBy, String reason, Long ticketId) {
        return transactions.inTransaction(c -> {
            if (!record(c, receipt, decision, decidedBy, reason)) {
                return false;
            }
            if (ticketId != null) {
                linkDecision(c, receipt, decision, decidedBy, reason, ticketId);
            }
            return true;
        });
    }

    /** Links a recorded decision to the ticket the mail answers and puts it on that ticket's timeline, in the caller's transaction. */
    public void linkDecision(Connection c, MailReceipt receipt, String decision, String decidedBy, String reason, long ticketId) throws SQLException {
        attachTicket(c, receipt.messageKey(), ticketId);
        try (PreparedStatement st = c.prepareStatement("insert into ticket_event (ticket_id, type, actor, reason, payload) "
                + "values (?, 'mail_decision', ?, ?, jsonb_build_object('message_key', ?::text, 'decision', ?::text))")) {
            st.setLong(1, ticketId);
            st.setString(2, decidedBy);
            st.setString(3, decision + ": " + reason);
            st.setString(4, receipt.messageKey());
            st.setString(5, decision);
            st.executeUpdate();
        }
    }

    public void attachTicket(Connection connection, String messageKey, long ticketId) throws SQLException {
        attachTickets(connection, Map.of(messageKey, ticketId));
    }

    /** Links recorded mails to the tickets they opened, in one statement of the caller's transaction. */
    public void attachTickets(Connection connection, Map<String, Long> ticketByMessageKey) throws SQLException {
        if (ticketByMessageKey.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement("update mail_message m set ticket_id = v.ticket_id "
                + "from unnest(?::text[], ?::int8[]) as v(message_key, ticket_id) where m.message_key = v.message_key")) {
            List<String> keys = new ArrayList<>(ticketByMessageKey.keySet());
            st.setArray(1, connection.createArrayOf("text", keys.toArray()));
            st.setArray(2, connection.createArrayOf("int8", keys.stream().map(ticketByMessageKey::get).toArray()));
            st.executeUpdate();
        }
    }

    /** Links a mail that became a comment to its ticket and comment, in the caller's transaction. */
    public void attachComment(Connection connection, String messageKey, long ticketId, long commentId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("update mail_message set ticket_id = ?, comment_id = ? where message_key = ?")) {
            st.setLong(1, ticketId);
            st.setLong(2, commentId);
            st.setString(3, messageKey);
            st.executeUpdate();
        }
    }
}
