package io.supporthub.ticket;

/**
 * Filters for listing tickets; a null field does not filter.
 *
 * @param reviewFlag only tickets flagged for review for this reason (e.g. unverified_sender)
 * @param beforeId keyset cursor: only tickets with a smaller id (newest first)
 */
public record TicketFilter(TicketStatus status, Tier tier, Priority priority, String requesterEmail, String reviewFlag, Long beforeId,
                           int limit) {

    public static final int MAX_LIMIT = 200;

    public TicketFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        requesterEmail = requesterEmail == null ? null : requesterEmail.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
