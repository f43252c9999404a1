package io.supporthub.ticket;

import io.supporthub.ticket.attachment.MailContent;
import java.util.List;
import java.util.Objects;

/**
 * A request for a new ticket as it arrives from a channel, before enrichment and triage.
 *
 * @param mail the mailbox record of the message, or null for channels other than e-mail
 * @param participants other people on the request (a mail's To/Cc besides the support address), whose replies may thread
 * @param content what a mail carries besides its text (HTML, attachments), stored with the ticket; none for other channels
 */
public record IntakeRequest(Channel channel, String requesterEmail, String requesterName, String subject, String body,
                            MailReceipt mail, List<String> participants, MailContent content) {

    public IntakeRequest {
        Objects.requireNonNull(channel, "channel");
        requesterEmail = requesterEmail == null ? null : requesterEmail.trim().toLowerCase(java.util.Locale.ROOT);
        subject = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
        body = body == null ? "" : body;
        participants = participants == null ? List.of() : List.copyOf(participants);
        content = content == null ? MailContent.none() : content;
    }

    public IntakeRequest(Channel channel, String requesterEmail, String requesterName, String subject, String body, MailReceipt mail,
                         List<String> participants) {
        this(channel, requesterEmail, requesterName, subject, body, mail, participants, MailContent.none());
    }

    public IntakeRequest(Channel channel, String requesterEmail, String requesterName, String subject, String body, MailReceipt mail) {
        this(channel, requesterEmail, requesterName, subject, body, mail, List.of(), MailContent.none());
    }
}
