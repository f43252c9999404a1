package io.supporthub.notify;

import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Every mail the hub sends, by Message-ID: the replies that name it thread onto its ticket, and
 * the caps count it. Times come from the hub's clock, so a test can move time instead of waiting.
 */
public class OutboundMailLog {

    private final Transactions transactions;
    private final Clock clock;

    public OutboundMailLog(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records a rendered mail just before it goes to SMTP, with the allowance it draws on; a failed send leaves a harmless
     * row that still threads.
     */
    public void record(String messageId, long ticketId, long notificationId, String recipient, MailAllowance allowance) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into outbound_message (message_id, ticket_id, notification_id, recipient, "
                    + "sent_at, allowance) values (?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing")) {
                st.setString(1, messageId);
                st.setLong(2, ticketId);
                st.setLong(3, notificationId);
                st.setString(4, recipient.toLowerCase(Locale.ROOT));
                st.setTimestamp(5, Timestamp.from(clock.instant()));
                st.setString(6, allowance.code());
                return st.executeUpdate();
            }
        });
    }

    /**
     * Why one more automatic mail to this ticket and recipient would break a cap, or empty when it may go. The per-recipient
     * cap counts only the mail of the same allowance.
     */
    public Optional<String> capExceeded(MailCaps caps, long ticketId, String recipient, MailAllowance allowance) {
        Instant now = clock.instant();
        // Retries of one notification render several Message-IDs; each notification counts once.
        int forTicket = count("select count(distinct notification_id) from outbound_message where ticket_id = ? and sent_at > ?",
                ticketId, null, null, now.minus(caps.perTicketWindow()));
        if (forTicket >= caps.perTicket()) {
            return Optional.of("per-ticket cap reached: " + forTicket + " automatic mails on this ticket within "
                    + caps.perTicketWindow() + " (limit " + caps.perTicket() + ")");
        }
        int forRecipient = count("select count(distinct notification_id) from outbound_message where recipient = ? and allowance = ? "
                + "and sent_at > ?", null, recipient.toLowerCase(Locale.ROOT), allowance, now.minus(caps.perRecipientWindow()));
        if (forRecipient >= caps.perRecipient()) {
            return Optional.of("per-recipient cap reached: " + forRecipient + " automatic mails (" + allowance.code() + ") to " + recipient
                    + " within " + caps.perRecipientWindow() + " (limit " + caps.perRecipient() + ")");
        }
        return Optional.empty();
    }

    private int count(String sql, Long ticketId, String recipient, MailAllowance allowance, Instant since) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (ticketId != null) {
                    st.setLong(i++, ticketId);
                } else {
                    st.setString(i++, recipient);
                    st.setString(i++, allowance.code());
                }
                st.setTimestamp(i, Timestamp.from(since));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
