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

    /**
     * Whether the channel vouches that the message is from whom it says, so the requester may have what the address
     * would earn (the CRM's tier, joining that customer's tickets, that customer's allowances). A mail's sender must be
     * authenticated for this; a channel whose messages come from an authenticated system vouches for all of them.
     */
    default boolean senderTrusted() {
        return true;
    }

    /** How the channel authenticated the sender (a mail's pass, fail or unverified), or null where it has no such check. */
    default String senderAuthentication() {
        return null;
    }
}
