package io.supporthub.ticket;

/**
 * The message a ticket or comment arrived in, as its channel identifies it. Each channel has its own kind (a mail's
 * receipt, a webhook delivery) and keeps its own ledger of them; the ticket model knows only this much.
 */
public interface SourceMessage {

    Channel channel();

    /** What makes a second delivery of the same message recognisable, unique within its channel. */
    String messageKey();

    /** The message's own id as its channel prints it (a mail's Message-ID without angle brackets), or null. */
    String messageId();
}
