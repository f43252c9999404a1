package io.supporthub.ticket;

import java.time.Instant;

/**
 * A ticket's record in another system, as stored: the correlation that threading and sync work through.
 *
 * @param learnedFrom how the hub learned of it: {@link #ORIGIN}, {@link #MENTIONED} or {@link #SYNC}
 * @param lastSeenVersion the remote record's version (an update stamp) last read from that system, or null
 * @param lastPushedHash the hash of the content last pushed to that system, or null
 */
public record ExternalLink(long id, long ticketId, ExternalRef ref, String learnedFrom, String lastSeenVersion, Instant lastSeenAt,
                           String lastPushedHash, Instant lastPushedAt, Instant createdAt) {

    /** The ticket came from that system. */
    public static final String ORIGIN = "origin";
    /** The message that opened the ticket named the record (a number in a mail's subject); its id is not known yet. */
    public static final String MENTIONED = "mentioned";
    /** A sync adapter created or found the record. */
    public static final String SYNC = "sync";
}
