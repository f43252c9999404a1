package io.supporthub.mail;

import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the decision records of received mail: what became of a message, or of every mail on a ticket. */
public class MailDecisions {

    private static final String SELECT = "select m.id, m.mailbox, m.message_key, m.message_id, m.decision, m.decided_by, m.reason, "
            + "t.key, m.comment_id, m.received_at, q.id, m.sender_auth, m.sender_auth_reason, m.sender_trusted from mail_message m left join ticket t on t.id = m.ticket_id "
            + "left join mail_quarantine q on q.message_key = m.message_key and q.held_by is not null ";

    private final Transactions transactions;

    public MailDecisions(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * One mail's record; ticketKey and commentId are null when the mail touched no ticket.
     *
     * @param heldInQuarantine the quarantine entry of a mail a policy held (release it there), else null
     * @param senderAuth the verdict on its sender: pass, fail or unverified (null for mail recorded before senders were judged)
     * @param senderAuthReason how the verdict was reached
     * @param senderTrusted whether the mailbox's policy trusted the sender for it
     */
    public record Decision(long id, String mailbox, String messageKey, String messageId, String decision, String decidedBy, String reason,
                           String ticketKey, Long commentId, Instant receivedAt, Long heldInQuarantine, String senderAuth,
                           String senderAuthReason, Boolean senderTrusted) {
    }

    /** By Message-ID (angle brackets optional) or by message key, which is how mail without a Message-ID is found. */
    public List<Decision> byMessageId(String messageId) {
        String id = messageId.strip().replaceAll("^<|>$", "");
        return query(SELECT + "where m.message_id = ? or m.message_key = ? order by m.id", id, id);
    }

    public List<Decision> byTicket(String ticketKey) {
        return query(SELECT + "where t.key = ? order by m.id", ticketKey, null);
    }

    private List<Decision> query(String sql, String first, String second) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, first);
                if (second != null) {
                    st.setString(2, second);
                }
                List<Decision> decisions = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long comment = rs.getLong(9);
                        Long commentId = rs.wasNull() ? null : comment;
                        long held = rs.getLong(11);
                        Long heldIn = rs.wasNull() ? null : held;
                        decisions.add(new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), commentId,
                                rs.getTimestamp(10).toInstant(), heldIn, rs.getString(12), rs.getString(13), rs.getObject(14, Boolean.class)));
                    }
                }
                return decisions;
            }
        });
    }
}
