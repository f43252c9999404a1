package io.supporthub.intake;

import io.supporthub.ticket.Channel;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Tier;

/** A ticket whose CRM lookup failed, claimed for another attempt, with what it was routed by. */
public record ReEnrichmentJob(long ticketId, String ticketKey, Channel channel, String requesterEmail, String requesterName,
                              String subject, String description, Priority priority, Tier tier, String queue, int attempts) {

    /** The ticket as an intake request again, so it goes through the same enrichment, triage and router. */
    public IntakeRequest asRequest() {
        return new IntakeRequest(channel, requesterEmail, requesterName, subject, description);
    }
}
