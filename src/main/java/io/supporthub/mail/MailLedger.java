package io.supporthub.mail;

import io.supporthub.db.Transactions;
import io.supporthub.ticket.MailReceipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The record of every mail the mailbox delivered and what became of it. Its unique message key
 * is what turns an at-least-once mailbox into an exactly-once effect.
 */
public class MailLedger {

    /** The decision of a mail a policy held in quarantine (the creation cap); releasing it lets intake record it anew. */
    public static final String HELD = "held";

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

    /**
     * Records the mail in the caller's transaction. Returns false when it was recorded before: a
     * concurrent delivery of the same mail waits here for the first to commit, then sees the conflict.
     * A mail recorded as {@link #HELD} is the exception: what a released mail became replaces the hold.
     */
    public boolean record(Connection connection, MailReceipt receipt, String decision, String decidedBy, String reason) throws SQLException {
        return insert(connection, receipt, decision, decidedBy, reason,
                " on conflict (message_key) do update set decision = excluded.decision, decided_by = excluded.decided_by, "
                        + "reason = excluded.reason where mail_message.decision = 'held'");
    }

    /** Records a mail as held, in the caller's transaction; false when it was recorded before (held or not). */
    public boolean recordHeld(Connection connection, MailReceipt receipt, String heldBy, String reason) throws SQLException {
        return insert(connection, receipt, HELD, heldBy, reason, " on conflict (message_key) do nothing");
    }

    private static boolean insert(Connection connection, MailReceipt receipt, String decision, String decidedBy, String reason,
                                  String onConflict) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "insert into mail_message (mailbox, message_key, message_id, raw_sha256, raw_size, decision, decided_by, reason) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)" + onConflict)) {
            st.setString(1, receipt.mailbox());
            st.setString(2, receipt.messageKey());
            st.setString(3, receipt.messageId());
            st.setString(4, receipt.rawSha256());
            st.setInt(5, receipt.rawSize());
            st.setString(6, decision);
            st.setString(7, decidedBy);
            st.setString(8, reason);
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
            return true;
        });
    }

    public void attachTicket(Connection connection, String messageKey, long ticketId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("update mail_message set ticket_id = ? where message_key = ?")) {
            st.setLong(1, ticketId);
            st.setString(2, messageKey);
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
