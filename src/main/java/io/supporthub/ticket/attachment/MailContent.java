package io.supporthub.ticket.attachment;

import java.util.List;

/**
 * What a mail carries besides its text: the sanitized HTML (whose {@code cid:} links name inline
 * images) and the attachments, TNEF contents and files of forwarded messages included.
 *
 * @param sanitizedHtml the HTML body cleaned by the reader's safelist, or null when the mail had none
 */
public record MailContent(String sanitizedHtml, List<IncomingAttachment> attachments) {

    private static final MailContent NONE = new MailContent(null, List.of());

    public MailContent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Nothing carried: a channel other than mail, or a plain-text mail without files. */
    public static MailContent none() {
        return NONE;
    }

    public boolean isEmpty() {
        return sanitizedHtml == null && attachments.isEmpty();
    }
}
