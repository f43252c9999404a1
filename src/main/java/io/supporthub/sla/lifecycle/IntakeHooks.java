package io.supporthub.sla.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What intake tells the SLA engine, inside its own transaction: a ticket was created, a customer's
 * mail was appended to one, a ticket was re-enriched. So clocks start and move with the change that
 * causes them, or not at all.
 */
public interface IntakeHooks {

    /** Nothing to start: for tools and tests that create tickets without SLA clocks. */
    IntakeHooks NONE = new IntakeHooks() {
        @Override
        public List<Long> ticketCreated(Connection c, long ticketId) {
            return List.of();
        }

        @Override
        public void customerReplied(Connection c, long ticketId, String statusBefore, String statusAfter) {
        }

        @Override
        public void ticketReenriched(Connection c, long ticketId, String tierBefore) {
        }
    };

    /** Starts the new ticket's clocks and timers; returns the ids of notifications queued (e.g. a VIP manager notice). */
    List<Long> ticketCreated(Connection c, long ticketId) throws SQLException;

    /** {@link #ticketCreated} for the tickets of a mailbox batch, created in one transaction; the notifications queued, by ticket. */
    default java.util.Map<Long, List<Long>> ticketsCreated(Connection c, List<Long> ticketIds) throws SQLException {
        java.util.Map<Long, List<Long>> queued = new java.util.HashMap<>();
        for (long id : ticketIds) {
            queued.put(id, ticketCreated(c, id));
        }
        return queued;
    }

    /** A customer's reply was appended; the status is what it was before and what the reply made it. */
    void customerReplied(Connection c, long ticketId, String statusBefore, String statusAfter) throws SQLException;

    /** The CRM answered after an outage: customer tier, priority and support tier may have changed (already written). */
    void ticketReenriched(Connection c, long ticketId, String tierBefore) throws SQLException;
}
