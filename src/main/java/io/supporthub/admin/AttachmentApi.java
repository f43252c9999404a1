package io.supporthub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.attachment.AttachmentStore;
import io.supporthub.ticket.attachment.TicketAttachment;
import io.supporthub.ticket.attachment.TicketAttachments;
import java.util.LinkedHashMap;
import java.util.Map;

/** The face of {@code /api/v1/tickets/{key}/attachments}: the list as JSON, and one file with headers that keep it inert. */
public class AttachmentApi {

    private final ObjectMapper json = ApiJson.isoDates();
    private final TicketStore tickets;
    private final TicketAttachments attachments;

    public AttachmentApi(TicketStore tickets, TicketAttachments attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    public String list(String ticketKey) {
        tickets.findByKey(ticketKey).orElseThrow(() -> ApiException.notFound("no ticket " + ticketKey));
        return ApiJson.write(json, Map.of("items", attachments.list(ticketKey).stream().map(AttachmentApi::view).toList()));
    }

    /** A file's bytes and the response headers to send with them. */
    public record Download(byte[] content, Map<String, String> headers) {
    }

    public Download download(String ticketKey, String attachmentId) {
        long id;
        try {
            id = Long.parseLong(attachmentId);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("attachment id must be a number, got '" + attachmentId + "'");
        }
        TicketAttachments.File file = attachments.file(ticketKey, id)
                .orElseThrow(() -> ApiException.notFound("ticket " + ticketKey + " has no attachment " + attachmentId));
        if (file.content() == null) {
            throw ApiException.notFound("attachment " + id + " of " + ticketKey + " was " + file.attachment().notStored());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ContentDisposition.safeContentType(file.attachment().contentType()));
        headers.put("Content-Disposition", ContentDisposition.attachment(file.attachment().filename(), "attachment-" + id));
        headers.put("X-Content-Type-Options", "nosniff");
        // Should a browser render it anyway, nothing in it may run or load.
        headers.put("Content-Security-Policy", "default-src 'none'; sandbox");
        // The bytes behind an id never change; only the caller's own browser may keep them.
        headers.put("Cache-Control", "private, max-age=86400");
        return new Download(file.content(), headers);
    }

    /** One attachment as the API shows it, in the ticket JSON too. */
    static Map<String, Object> view(TicketAttachment a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("filename", a.filename());
        v.put("content_type", a.contentType());
        v.put("size", a.size());
        v.put("sha256", a.sha256());
        v.put("content_id", a.contentId());
        v.put("inline", a.inline());
        v.put("origin", a.origin());
        v.put("comment_id", a.commentId());
        v.put("message_key", a.messageKey());
        v.put("stored", a.stored());
        v.put("not_stored", a.notStored());
        v.put("download_url", a.stored() ? AttachmentStore.downloadPath(a.ticketKey(), a.id()) : null);
        v.put("created_at", a.createdAt());
        return v;
    }
}
