package io.supporthub.intake;

import io.supporthub.db.Transactions;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.ticket.SourceLedger;
import io.supporthub.ticket.SourceMessage;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.attachment.AttachmentStore;
import io.supporthub.ticket.IncomingAttachment;
import io.supporthub.ticket.TicketContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends a customer's threaded message (a mail, today) to its ticket as a public comment in one transaction with
 * the record its channel's ledger keeps, so a second delivery meets the unique message key and appends nothing. A
 * reply reopens a solved ticket or one waiting on the customer; it never sends an acknowledgement.
 */
public class ReplyIntake {

    /** Statuses a customer's reply moves back to open: they were waiting for exactly this mail, or thought it done. */
    static final Set<String> REOPENED_BY_REPLY = Set.of("solved", "pending_customer");

    private final Transactions transactions;
    private final TicketStore tickets;
    private final SourceLedger ledgers;
    private final AttachmentStore attachments;
    private final IntakeHooks sla;

    /**
     * @param ledgers each channel's record of the messages it delivered (see {@link io.supporthub.ticket.SourceLedgers})
     * @param attachments stores the files the reply carried, in the reply's transaction
     * @param sla moves the ticket's SLA clocks (next reply, reopen) in the reply's transaction
     */
    public ReplyIntake(Transactions transactions, TicketStore tickets, SourceLedger ledgers, AttachmentStore attachments, IntakeHooks sla) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.ledgers = ledgers;
        this.attachments = attachments;
        this.sla = sla;
    }

    /** The new text of a reply beside its whole text, who wrote it, and the files it carried. */
    public record Reply(String author, String newText, String originalText, String sanitizedHtml, List<IncomingAttachment> files) {

        public Reply {
            files = files == null ? List.of() : List.copyOf(files);
        }

        public Reply(String author, String newText, String originalText, String sanitizedHtml) {
            this(author, newText, originalText, sanitizedHtml, List.of());
        }

        TicketContent content() {
            return new TicketContent(sanitizedHtml, files);
        }
    }

    /** Returns the comment id, or null when this message was recorded before (nothing appended). */
    public Long append(SourceMessage message, long ticketId, String signal, String reason, Reply reply) {
        return transactions.inTransaction(c -> {
            if (!ledgers.recordReply(c, message, reason)) {
                return null;
            }
            return appendRecorded(c, message, ticketId, signal, reason, reply);
        });
    }

    /** Appends the reply in the caller's transaction, once the caller has recorded its message; returns the comment id. */
    public long appendRecorded(Connection c, SourceMessage message, long ticketId, String signal, String reason, Reply reply)
            throws SQLException {
        String status = lockStatus(c, ticketId);
        long commentId = insertComment(c, ticketId, message, reply);
        attachments.store(c, ticketId, commentId, message, reply.content());
        ledgers.linkReply(c, message, ticketId, commentId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("comment_id", commentId);
        payload.put("message_key", message.messageKey());
        payload.put("signal", signal);
        List<TicketEvent> events = new ArrayList<>();
        events.add(TicketEvent.of("comment_added", "intake-" + message.channel().code(), "public reply from " + reply.author(), payload));
        ledgers.replyDecision(message, signal, reason).ifPresent(events::add);
        tickets.appendEvents(c, ticketId, events);
        if (REOPENED_BY_REPLY.contains(status)) {
            setStatus(c, ticketId, "open");
            tickets.appendEvent(c, ticketId, TicketEvent.of("status_changed", "threading",
                    "customer replied to a " + status + " ticket, so it is open again", Map.of("from", status, "to", "open")));
        } else {
            touch(c, ticketId);
        }
        sla.customerReplied(c, ticketId, status, REOPENED_BY_REPLY.contains(status) ? "open" : status);
        return commentId;
    }

    private static String lockStatus(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select status from ticket where id = ? for update")) {
            st.setLong(1, ticketId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("ticket " + ticketId + " vanished while a reply was appended");
                }
                return rs.getString(1);
            }
        }
    }

    private static long insertComment(Connection c, long ticketId, SourceMessage message, Reply reply) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into ticket_comment (ticket_id, visibility, author, body_text, body_html, "
                + "body_original, source_system, external_id, message_id) values (?, 'public', ?, ?, ?, ?, ?, ?, ?) returning id")) {
            st.setLong(1, ticketId);
            st.setString(2, reply.author());
            st.setString(3, reply.newText());
            st.setString(4, reply.sanitizedHtml());
            st.setString(5, reply.originalText());
            st.setString(6, message.channel().code());
            st.setString(7, message.messageKey());
            st.setString(8, message.messageId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setStatus(Connection c, long ticketId, String status) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update ticket set status = ?, version = version + 1, updated_at = now() where id = ?")) {
            st.setString(1, status);
            st.setLong(2, ticketId);
            st.executeUpdate();
        }
    }

    private static void touch(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update ticket set version = version + 1, updated_at = now() where id = ?")) {
            st.setLong(1, ticketId);
            st.executeUpdate();
        }
    }
}
