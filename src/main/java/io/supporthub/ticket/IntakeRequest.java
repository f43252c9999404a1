package io.supporthub.ticket;

import java.util.Objects;

/**
 * A request for a new ticket as it arrives from a channel, before enrichment and triage.
 *
 * @param mail the mailbox record of the message, or null for channels other than e-mail
 */
public record IntakeRequest(Channel channel, String requesterEmail, String requesterName, String subject, String body,
                            MailReceipt mail) {

    public IntakeRequest {
        Objects.requireNonNull(channel, "channel");
        requesterEmail = requesterEmail == null ? null : requesterEmail.trim().toLowerCase(java.util.Locale.ROOT);
        subject = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
        body = body == null ? "" : body;
    }
}
