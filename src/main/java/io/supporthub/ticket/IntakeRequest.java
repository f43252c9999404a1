package io.supporthub.ticket;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A request for a new ticket as it arrives from a source, before enrichment and triage.
 *
 * @param source where it came from: channel, the record in another system, the message it arrived in
 * @param participants other people on the request (a mail's To/Cc besides the support address), whose replies may thread
 * @param content what the message carries besides its text (HTML, attachments), stored with the ticket
 */
public record IntakeRequest(TicketSource source, String requesterEmail, String requesterName, String subject, String body,
                            List<String> participants, TicketContent content) {

    public IntakeRequest {
        Objects.requireNonNull(source, "source");
        requesterEmail = requesterEmail == null ? null : requesterEmail.trim().toLowerCase(Locale.ROOT);
        subject = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
        body = body == null ? "" : body;
        participants = participants == null ? List.of() : List.copyOf(participants);
        content = content == null ? TicketContent.none() : content;
    }

    /** A request that carries nothing but its text, from a channel without messages of its own (the API, re-enrichment). */
    public IntakeRequest(Channel channel, String requesterEmail, String requesterName, String subject, String body) {
        this(TicketSource.of(channel), requesterEmail, requesterName, subject, body, List.of(), TicketContent.none());
    }

    public IntakeRequest(TicketSource source, String requesterEmail, String requesterName, String subject, String body) {
        this(source, requesterEmail, requesterName, subject, body, List.of(), TicketContent.none());
    }

    public Channel channel() {
        return source.channel();
    }
}
