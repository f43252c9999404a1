package io.supporthub.ticket;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A channel's record of the messages it delivered, written by intake in the same transaction as the ticket or comment a
 * message became. Its unique key is what makes a second delivery create nothing. A channel without a ledger (the REST
 * API) uses {@link #NONE}; {@link SourceLedgers} picks each channel's own.
 */
public interface SourceLedger {

    /** No record kept: every request is new, nothing is linked, no decision shows. */
    SourceLedger NONE = new SourceLedger() {
        @Override
        public boolean recordOpening(Connection c, TicketDraft draft) {
            return true;
        }

        @Override
        public Optional<TicketEvent> openingDecision(TicketDraft draft) {
            return Optional.empty();
        }

        @Override
        public void linkOpenings(Connection c, List<TicketDraft> drafts, List<Long> ticketIds) {
        }

        @Override
        public boolean recordReply(Connection c, SourceMessage message, String reason) {
            return true;
        }

        @Override
        public Optional<TicketEvent> replyDecision(SourceMessage message, String signal, String reason) {
            return Optional.empty();
        }

        @Override
        public void linkReply(Connection c, SourceMessage message, long ticketId, long commentId) {
        }
    };

    /** Records the message that opens this draft's ticket, before the ticket is written; false when it was recorded before. */
    boolean recordOpening(Connection c, TicketDraft draft) throws SQLException;

    /** The event a new ticket's timeline ends with: why its message became a ticket. */
    Optional<TicketEvent> openingDecision(TicketDraft draft);

    /** Links the recorded messages of these drafts to the tickets they opened ({@code ticketIds.get(i)} for {@code drafts.get(i)}). */
    void linkOpenings(Connection c, List<TicketDraft> drafts, List<Long> ticketIds) throws SQLException;

    /** Records a message that becomes a comment, before it is appended; false when it was recorded before. */
    boolean recordReply(Connection c, SourceMessage message, String reason) throws SQLException;

    /** The event the ticket gets after the comment: why the message became one. */
    Optional<TicketEvent> replyDecision(SourceMessage message, String signal, String reason);

    /** Links a recorded message to the ticket and the comment it became. */
    void linkReply(Connection c, SourceMessage message, long ticketId, long commentId) throws SQLException;
}
