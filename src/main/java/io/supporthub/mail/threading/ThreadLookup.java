package io.supporthub.mail.threading;

import java.util.List;
import java.util.Optional;

/** Where threading finds tickets by each signal, and who belongs to them; the database in production, a map in tests. */
public interface ThreadLookup {

    Optional<ThreadTicket> byKey(String key);

    /** The ticket of the first id (in the order given) that names a message we received or sent, if any. */
    Optional<ThreadTicket> byMessageIds(List<String> messageIds);

    /**
     * The ticket of the first id (in the order given) that names a message the hub sent, if any: what an unauthenticated
     * sender must name to join a ticket, since only the people the hub wrote to received those ids.
     */
    Optional<ThreadTicket> bySentMessageIds(List<String> messageIds);

    List<ThreadTicket> byForeignNumber(ForeignNumber number);

    /** True when the address is the ticket's requester or was recorded on it as a Cc. */
    boolean isParticipant(long ticketId, String email);
}
