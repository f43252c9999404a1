package io.supporthub.ticket.attachment;

import java.time.Instant;

/**
 * One stored attachment's metadata, as the API lists it.
 *
 * @param commentId the comment whose mail carried it, or null for the mail that opened the ticket
 * @param messageKey the key of the mail that carried it, or null
 * @param notStored why the bytes were not kept, or null when they can be downloaded
 */
public record TicketAttachment(long id, String ticketKey, Long commentId, String messageKey, String filename, String contentType,
                               long size, String sha256, String contentId, boolean inline, String origin, String notStored,
                               Instant createdAt) {

    public boolean stored() {
        return notStored == null;
    }
}
