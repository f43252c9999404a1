package io.supporthub.ticket;

import java.time.Instant;

/**
 * A ticket as stored: the canonical model every channel maps to and every adapter maps from.
 *
 * @param senderAuth how its opening message's sender was authenticated (a mail's pass, fail or unverified), or null
 * @param reviewFlag why an agent must review it before believing its requester (e.g. unverified_sender), or null
 */
public record Ticket(long id, String key, String subject, String description, TicketStatus status, Priority priority,
                     String category, Tier tier, String queue, Channel channel, String requesterEmail, String requesterName,
                     CustomerSnapshot customer, String sentiment, String language, String complexity, int version,
                     Instant createdAt, Instant updatedAt, String senderAuth, String reviewFlag) {
}
