package io.supporthub.mailbox;

import io.supporthub.intake.ReplyIntake;
import io.supporthub.mail.InboundMail;
import io.supporthub.mail.MailReceipt;
import io.supporthub.ticket.TicketDraft;

/**
 * A mail read, filtered, threaded and (for a new ticket) enriched, triaged and routed, with nothing
 * written yet: what is left is one transaction, alone or with the rest of its mailbox batch.
 */
public sealed interface PreparedMail {

    InboundMail mail();

    default MailReceipt receipt() {
        return mail().receipt();
    }

    /**
     * Opens a ticket from the routed draft, if the sender's creation cap admits it; past the cap the raw mail is held.
     *
     * @param releasedFrom the quarantine entry this mail is released from (it passes the cap), or null
     */
    record NewTicket(InboundMail mail, TicketDraft draft, byte[] raw, Long releasedFrom) implements PreparedMail {
    }

    /** Appends a public comment to the ticket threading found. */
    record Reply(InboundMail mail, long ticketId, String ticketKey, String signal, String reason, ReplyIntake.Reply reply)
            implements PreparedMail {
    }

    /** Records why a filter stopped the mail, linked to the ticket it answers when there is one. */
    record Decision(InboundMail mail, String decision, String decidedBy, String reason, Long answeredTicketId) implements PreparedMail {
    }

    /** Recorded by an earlier delivery: nothing to write. */
    record Recorded(InboundMail mail) implements PreparedMail {
    }
}
