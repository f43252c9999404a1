package io.supporthub.ticket;

import java.util.List;

/**
 * One page of tickets, newest first.
 *
 * @param nextBeforeId the cursor for the next page, or null on the last page
 */
public record TicketPage(List<Ticket> tickets, Long nextBeforeId) {
}
