package io.supporthub.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a ticket request came from, in any channel: the channel, the record it is in another system (when it came
 * from one), the message it arrived in, and the other systems' tickets that message names. The ticket gets an
 * external link for each of those records; the message is what the channel's own ledger records.
 *
 * @param via where it was received, for the timeline: "mailbox support@example.com", "api"
 * @param message the message it arrived in, or null for a channel that has none (the REST API)
 * @param origin the record in another system this request is (a Zendesk ticket synced in), or null
 * @param mentioned other systems' tickets the message names (a ServiceNow number in a mail's subject)
 */
public record TicketSource(Channel channel, String via, SourceMessage message, ExternalRef origin, List<ExternalRef> mentioned) {

    public TicketSource {
        Objects.requireNonNull(channel, "channel");
        via = via == null || via.isBlank() ? channel.code() : via;
        mentioned = mentioned == null ? List.of() : List.copyOf(mentioned);
    }

    /** A source with nothing but its channel: an API request, a ticket taken in again for re-enrichment. */
    public static TicketSource of(Channel channel) {
        return new TicketSource(channel, null, null, null, List.of());
    }

    /** A request that is a record in another system (system and external id, the URL if known). */
    public static TicketSource from(Channel channel, ExternalRef origin) {
        return new TicketSource(channel, null, null, origin, List.of());
    }

    /** A message received in a channel, naming other systems' tickets (none, often). */
    public static TicketSource message(SourceMessage message, String via, List<ExternalRef> mentioned) {
        return new TicketSource(message.channel(), via, message, null, mentioned);
    }

    /** The message's key, or null when the channel has no message. */
    public String messageKey() {
        return message == null ? null : message.messageKey();
    }

    /** The message's own id (a mail's Message-ID), or null. */
    public String messageId() {
        return message == null ? null : message.messageId();
    }

    /** Whether its channel vouches for the requester (see {@link SourceMessage#senderTrusted()}); a request without a message is the caller's own. */
    public boolean senderTrusted() {
        return message == null || message.senderTrusted();
    }

    /** Every record in another system the ticket is: its origin first, then what the message names, each once. */
    public List<ExternalRef> records() {
        List<ExternalRef> all = new ArrayList<>();
        if (origin != null) {
            all.add(origin);
        }
        for (ExternalRef ref : mentioned) {
            if (all.stream().noneMatch(r -> sameRecord(r, ref))) {
                all.add(ref);
            }
        }
        return all;
    }

    private static boolean sameRecord(ExternalRef a, ExternalRef b) {
        return a.system().equals(b.system()) && (a.externalId() != null && a.externalId().equals(b.externalId())
                || a.number() != null && a.number().equals(b.number()));
    }
}
