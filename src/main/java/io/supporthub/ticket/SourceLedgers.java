package io.supporthub.ticket;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each channel's own ledger, picked by the channel of the message a draft or reply came in: a request without a message
 * (the REST API), or from a channel without a ledger, visits none.
 */
public final class SourceLedgers implements SourceLedger {

    private final Map<Channel, SourceLedger> byChannel;

    public SourceLedgers(Map<Channel, SourceLedger> byChannel) {
        this.byChannel = byChannel.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(byChannel);
    }

    public static SourceLedgers of(Channel channel, SourceLedger ledger) {
        return new SourceLedgers(Map.of(channel, ledger));
    }

    public SourceLedger forChannel(Channel channel) {
        return byChannel.getOrDefault(channel, NONE);
    }

    private SourceLedger forDraft(TicketDraft draft) {
        SourceMessage message = draft.request().source().message();
        return message == null ? NONE : forChannel(message.channel());
    }

    @Override
    public boolean recordOpening(Connection c, TicketDraft draft) throws SQLException {
        return forDraft(draft).recordOpening(c, draft);
    }

    @Override
    public Optional<TicketEvent> openingDecision(TicketDraft draft) {
        return forDraft(draft).openingDecision(draft);
    }

    /** One call per channel that has a ledger, with that channel's drafts in their order. */
    @Override
    public void linkOpenings(Connection c, List<TicketDraft> drafts, List<Long> ticketIds) throws SQLException {
        Map<Channel, List<Integer>> byChannelAt = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            SourceMessage message = drafts.get(i).request().source().message();
            Channel channel = message == null ? null : message.channel();
            if (channel != null && byChannel.containsKey(channel)) {
                byChannelAt.computeIfAbsent(channel, k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Channel, List<Integer>> entry : byChannelAt.entrySet()) {
            byChannel.get(entry.getKey()).linkOpenings(c, entry.getValue().stream().map(drafts::get).toList(),
                    entry.getValue().stream().map(ticketIds::get).toList());
        }
    }

    @Override
    public boolean recordReply(Connection c, SourceMessage message, String reason) throws SQLException {
        return forChannel(message.channel()).recordReply(c, message, reason);
    }

    @Override
    public Optional<TicketEvent> replyDecision(SourceMessage message, String signal, String reason) {
        return forChannel(message.channel()).replyDecision(message, signal, reason);
    }

    @Override
    public void linkReply(Connection c, SourceMessage message, long ticketId, long commentId) throws SQLException {
        forChannel(message.channel()).linkReply(c, message, ticketId, commentId);
    }
}
