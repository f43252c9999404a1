package io.supporthub.ticket;

import java.util.List;

/**
 * What a message carries besides its text, in any channel: the sanitized HTML (whose {@code cid:} links name
 * inline images) and the attachments — for a mail, TNEF contents and files of forwarded messages included.
 *
 * @param sanitizedHtml the HTML body cleaned by the reader's safelist, or null when the message had none
 */
public record TicketContent(String sanitizedHtml, List<IncomingAttachment> attachments) {

    private static final TicketContent NONE = new TicketContent(null, List.of());

    public TicketContent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Nothing carried: plain text without files. */
    public static TicketContent none() {
        return NONE;
    }

    public boolean isEmpty() {
        return sanitizedHtml == null && attachments.isEmpty();
    }
}
