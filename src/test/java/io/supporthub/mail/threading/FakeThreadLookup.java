package io.supporthub.mail.threading;

import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.mail.mime.ParsedMail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tickets, Message-IDs, external links and participants in maps, so threading is tested without a database. */
final class FakeThreadLookup implements ThreadLookup {

    private final Map<String, ThreadTicket> byKey = new HashMap<>();
    private final Map<String, ThreadTicket> byMessageId = new HashMap<>();
    private final Map<String, ThreadTicket> bySentMessageId = new HashMap<>();
    private final Map<ForeignNumber, List<ThreadTicket>> byNumber = new HashMap<>();
    private final Set<String> participants = new HashSet<>();

    /** A ticket with its requester; the id is the key's number. */
    ThreadTicket ticket(String key, String status, String requester) {
        ThreadTicket ticket = new ThreadTicket(Long.parseLong(key.substring(3)), key, status);
        byKey.put(key, ticket);
        participant(ticket, requester);
        return ticket;
    }

    FakeThreadLookup participant(ThreadTicket ticket, String email) {
        participants.add(ticket.id() + " " + email);
        return this;
    }

    FakeThreadLookup message(ThreadTicket ticket, String messageId) {
        byMessageId.put(messageId, ticket);
        return this;
    }

    /** A message the hub sent on the ticket (an acknowledgement): found by both lookups. */
    FakeThreadLookup sent(ThreadTicket ticket, String messageId) {
        bySentMessageId.put(messageId, ticket);
        return message(ticket, messageId);
    }

    FakeThreadLookup link(ThreadTicket ticket, String system, String number) {
        byNumber.computeIfAbsent(new ForeignNumber(system, number), n -> new ArrayList<>()).add(ticket);
        return this;
    }

    @Override
    public Optional<ThreadTicket> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Optional<ThreadTicket> byMessageIds(List<String> messageIds) {
        return messageIds.stream().filter(byMessageId::containsKey).findFirst().map(byMessageId::get);
    }

    @Override
    public Optional<ThreadTicket> bySentMessageIds(List<String> messageIds) {
        return messageIds.stream().filter(bySentMessageId::containsKey).findFirst().map(bySentMessageId::get);
    }

    @Override
    public List<ThreadTicket> byForeignNumber(ForeignNumber number) {
        return byNumber.getOrDefault(number, List.of());
    }

    @Override
    public boolean isParticipant(long ticketId, String email) {
        return participants.contains(ticketId + " " + email);
    }

    /** Reads an inline RFC 822 text block the way intake reads fetched mail. */
    static ParsedMail parse(String rfc822) {
        return MimeReader.read(rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), MimeLimits.defaults());
    }
}
