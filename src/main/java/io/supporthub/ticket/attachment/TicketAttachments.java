package io.supporthub.ticket.attachment;

import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a ticket's stored attachments: the list, one file's bytes, and the opening mail's HTML that links them. */
public class TicketAttachments {

    private static final String COLUMNS = "a.id, t.key, a.comment_id, m.message_key, a.filename, a.content_type, a.size_bytes, "
            + "a.sha256, a.content_id, a.inline, a.origin, a.not_stored, a.created_at";
    private static final String FROM = " from ticket_attachment a join ticket t on t.id = a.ticket_id "
            + "left join mail_message m on m.id = a.mail_message_id ";

    private final Transactions transactions;

    public TicketAttachments(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Oldest first, so the list reads in the order the mail thread brought them. */
    public List<TicketAttachment> list(String ticketKey) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + FROM + "where t.key = ? order by a.id")) {
                st.setString(1, ticketKey);
                List<TicketAttachment> found = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(map(rs));
                    }
                }
                return found;
            }
        });
    }

    /** A file with its bytes; the bytes are null when they were not stored. */
    public record File(TicketAttachment attachment, byte[] content) {
    }

    /** Empty when the ticket has no attachment of that id; an id of another ticket's attachment is not found either. */
    public Optional<File> file(String ticketKey, long attachmentId) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + ", b.content" + FROM
                    + "left join ticket_attachment_content b on b.id = a.content_ref where t.key = ? and a.id = ?")) {
                st.setString(1, ticketKey);
                st.setLong(2, attachmentId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new File(map(rs), rs.getBytes("content"))) : Optional.empty();
                }
            }
        });
    }

    /** The sanitized HTML of the mail that opened the ticket, or null. */
    public String descriptionHtml(long ticketId) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select description_html from ticket where id = ?")) {
                st.setLong(1, ticketId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static TicketAttachment map(ResultSet rs) throws SQLException {
        long comment = rs.getLong("comment_id");
        Long commentId = rs.wasNull() ? null : comment;
        return new TicketAttachment(rs.getLong("id"), rs.getString("key"), commentId, rs.getString("message_key"),
                rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("content_id"), rs.getBoolean("inline"), rs.getString("origin"), rs.getString("not_stored"),
                rs.getTimestamp("created_at").toInstant());
    }
}
