package io.supporthub.ticket;

/**
 * Where the content-based router sent a ticket.
 *
 * @param rule the id of the routing rule that matched, shown on the timeline
 */
public record Routing(Tier tier, String queue, String rule) {
}
