package io.supporthub.sla.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What intake tells the SLA engine, inside its own transaction: a ticket was created, a customer's
 * mail was appended to one, a ticket was re-enriched. So clocks start and move with the change that
 * causes them, or not at all.
 */
public interface IntakeHooks {

    /** Nothing to start: for tools and tests that create tickets without SLA clocks. */
    IntakeHooks NONE = new IntakeHooks() {
        @Override
        public Map<Long, List<Long>> ticketsCreated(Connection c, List<Long> ticketIds) {
            return Map.of();
        }

        @Override
        public void customerReplied(Connection c, long ticketId, String statusBefore, String statusAfter) {
        }

        @Override
        public void ticketReenriched(Connection c, long ticketId, String tierBefore) {
        }
    };

    /**
     * Starts the clocks and timers of tickets just created in this transaction (one, or a mailbox batch's); returns the
     * ids of the notifications queued (e.g. a VIP manager notice), by ticket.
     */
    Map<Long, List<Long>> ticketsCreated(Connection c, List<Long> ticketIds) throws SQLException;

    /** A customer's reply was appended; the status is what it was before and what the reply made it. */
    void customerReplied(Connection c, long ticketId, String statusBefore, String statusAfter) throws SQLException;

    /** The CRM answered after an outage: customer tier, priority and support tier may have changed (already written). */
    void ticketReenriched(Connection c, long ticketId, String tierBefore) throws SQLException;
}
