package io.supporthub.ticket.attachment;

import io.supporthub.ticket.IncomingAttachment;
import io.supporthub.ticket.TicketContent;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.SourceMessage;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores what a message (a mail, today) carried with the ticket or comment it became, in the caller's transaction:
 * each attachment's metadata, its bytes (once per ticket and hash) when within the limits, a
 * timeline note for every file whose bytes were not kept, and the sanitized HTML with its
 * {@code cid:} images pointing at the download URLs. One call per mail, from any intake path.
 */
public class AttachmentStore {

    private static final String SAFE_TYPE = "[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+";

    private final TicketStore tickets;
    private final AttachmentLimits limits;

    public AttachmentStore(TicketStore tickets, AttachmentLimits limits) {
        this.tickets = tickets;
        this.limits = limits;
    }

    /** The ids of one mail's attachment rows, with and without their bytes. */
    public record Stored(List<Long> kept, List<Long> notKept) {

        static final Stored NOTHING = new Stored(List.of(), List.of());
    }

    /** The download path of an attachment, which the rewritten HTML and the API both give out. */
    public static String downloadPath(String ticketKey, long attachmentId) {
        return "/api/v1/tickets/" + ticketKey + "/attachments/" + attachmentId;
    }

    /**
     * @param commentId the comment the mail became, or null for the mail that opened the ticket
     * @param message the message that carried them (a mail's row in the mail ledger links each attachment to it), or null
     */
    public Stored store(Connection c, long ticketId, Long commentId, SourceMessage message, TicketContent content) throws SQLException {
        if (content == null || content.isEmpty()) {
            return Stored.NOTHING;
        }
        MailPass pass = new MailPass(c, ticketId, commentId, message);
        for (IncomingAttachment file : content.attachments()) {
            pass.add(file);
        }
        saveHtml(c, ticketId, commentId, content.sanitizedHtml(),
                InlineImageLinks.rewrite(content.sanitizedHtml(), pass.urls, pass.notKeptReasons));
        tickets.appendEvents(c, ticketId, pass.events());
        return new Stored(List.copyOf(pass.kept), List.copyOf(pass.notKept));
    }

    /** One mail's files on their way in: the per-mail budget, what was kept, and what the HTML and timeline need. */
    private final class MailPass {

        final Map<String, String> urls = new HashMap<>();
        final Map<String, String> notKeptReasons = new HashMap<>();
        final List<Long> kept = new ArrayList<>();
        final List<Long> notKept = new ArrayList<>();
        private final List<String> keptNames = new ArrayList<>();
        private final List<TicketEvent> notKeptEvents = new ArrayList<>();
        private final Connection c;
        private final long ticketId;
        private final Long commentId;
        private final SourceMessage message;
        private long budget = limits.maxBytesPerMail();
        private String ticketKey;

        MailPass(Connection c, long ticketId, Long commentId, SourceMessage message) {
            this.c = c;
            this.ticketId = ticketId;
            this.commentId = commentId;
            this.message = message;
        }

        void add(IncomingAttachment file) throws SQLException {
            byte[] bytes = file.content();
            String reason = null;
            Long contentRef = null;
            String sha256 = null;
            if (bytes == null || bytes.length > limits.maxAttachmentBytes()) {
                reason = "not stored: over " + limits.maxAttachmentBytes() + " bytes (the per-attachment limit)";
            } else {
                sha256 = sha256(bytes);
                contentRef = existingContent(c, ticketId, sha256);
                if (contentRef == null && bytes.length > budget) {
                    reason = "not stored: the mail's attachments pass " + limits.maxBytesPerMail() + " bytes (the per-mail limit)";
                    sha256 = null;
                } else if (contentRef == null) {
                    contentRef = insertContent(c, ticketId, sha256, bytes);
                    budget -= bytes.length;
                }
            }
            long id = insertMetadata(c, ticketId, commentId, message, file, sha256, contentRef, reason);
            if (reason == null) {
                kept.add(id);
                keptNames.add(displayName(file));
                if (file.contentId() != null) {
                    ticketKey = ticketKey != null ? ticketKey : ticketKey(c, ticketId);
                    urls.put(file.contentId(), downloadPath(ticketKey, id));
                }
            } else {
                notKept.add(id);
                if (file.contentId() != null) {
                    notKeptReasons.put(file.contentId(), reason);
                }
                notKeptEvents.add(notStoredEvent(id, commentId, message, file, reason));
            }
        }

        List<TicketEvent> events() {
            List<TicketEvent> events = new ArrayList<>();
            if (!kept.isEmpty()) {
                events.add(storedEvent(kept, keptNames, commentId, message));
            }
            events.addAll(notKeptEvents);
            return events;
        }
    }

    /** The opening mail's HTML has no column of its own until now; a comment's is rewritten only when a link changed. */
    private static void saveHtml(Connection c, long ticketId, Long commentId, String original, String html) throws SQLException {
        if (html == null || commentId != null && Objects.equals(original, html)) {
            return;
        }
        String sql = commentId == null ? "update ticket set description_html = ? where id = ?"
                : "update ticket_comment set body_html = ? where id = ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, html);
            st.setLong(2, commentId == null ? ticketId : commentId);
            st.executeUpdate();
        }
    }

    private static Long existingContent(Connection c, long ticketId, String sha256) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select id from ticket_attachment_content where ticket_id = ? and sha256 = ?")) {
            st.setLong(1, ticketId);
            st.setString(2, sha256);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** A concurrent writer of the same bytes to the same ticket wins the unique key; its row is then the one to use. */
    private static long insertContent(Connection c, long ticketId, String sha256, byte[] bytes) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into ticket_attachment_content (ticket_id, sha256, size_bytes, content) "
                + "values (?, ?, ?, ?) on conflict (ticket_id, sha256) do nothing returning id")) {
            st.setLong(1, ticketId);
            st.setString(2, sha256);
            st.setLong(3, bytes.length);
            st.setBytes(4, bytes);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return Objects.requireNonNull(existingContent(c, ticketId, sha256), "attachment content vanished while it was stored");
    }

    private static long insertMetadata(Connection c, long ticketId, Long commentId, SourceMessage message, IncomingAttachment file,
                                       String sha256, Long contentRef, String notStored) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into ticket_attachment (ticket_id, comment_id, mail_message_id, filename, "
                + "content_type, size_bytes, sha256, content_id, inline, origin, content_ref, not_stored) "
                + "values (?, ?, (select id from mail_message where message_key = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            st.setLong(1, ticketId);
            st.setObject(2, commentId, Types.BIGINT);
            // only a mail has a row in a ledger the attachment can point at; other channels' files point at none
            st.setString(3, message == null || message.channel() != Channel.EMAIL ? null : message.messageKey());
            st.setString(4, printable(file.filename()));
            st.setString(5, file.contentType().matches(SAFE_TYPE) ? file.contentType() : "application/octet-stream");
            st.setLong(6, file.size());
            st.setString(7, sha256);
            st.setString(8, printable(file.contentId()));
            st.setBoolean(9, file.inline());
            st.setString(10, file.origin().code());
            st.setObject(11, contentRef, Types.BIGINT);
            st.setString(12, notStored);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String ticketKey(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select key from ticket where id = ?")) {
            st.setLong(1, ticketId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("ticket " + ticketId + " vanished while its attachments were stored");
                }
                return rs.getString(1);
            }
        }
    }

    private static TicketEvent storedEvent(List<Long> ids, List<String> names, Long commentId, SourceMessage message) {
        Map<String, Object> payload = payload(commentId, message);
        payload.put("attachment_ids", ids);
        String shown = String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", …" : "");
        return TicketEvent.of("attachments_stored", actor(message), ids.size() + " attachment(s) stored: " + shown, payload);
    }

    private static TicketEvent notStoredEvent(long id, Long commentId, SourceMessage message, IncomingAttachment file, String reason) {
        Map<String, Object> payload = payload(commentId, message);
        payload.put("attachment_id", id);
        payload.put("filename", displayName(file));
        payload.put("size", file.size());
        return TicketEvent.of("attachment_not_stored", actor(message),
                "'" + displayName(file) + "' (" + file.size() + " bytes) " + reason, payload);
    }

    private static Map<String, Object> payload(Long commentId, SourceMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (message != null) {
            payload.put("message_key", message.messageKey());
        }
        if (commentId != null) {
            payload.put("comment_id", commentId);
        }
        return payload;
    }

    private static String actor(SourceMessage message) {
        return "intake-" + (message == null ? "api" : message.channel().code());
    }

    private static String displayName(IncomingAttachment file) {
        String name = printable(file.filename());
        return name == null || name.isBlank() ? "(unnamed " + file.contentType() + ")" : name;
    }

    /** PostgreSQL text holds no NUL, and no other control character belongs in a file name or Content-ID. */
    private static String printable(String s) {
        return s == null ? null : s.replaceAll("[\\p{Cc}]", "").strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
