package io.supporthub.mail.threading;

import io.supporthub.mail.mime.MailAddress;
import io.supporthub.mail.mime.ParsedMail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ties an incoming mail to an existing ticket by the strongest signal that finds one the sender
 * belongs to: the ticket key in the subject, then In-Reply-To/References, then foreign ticket numbers.
 * A signal that finds only someone else's ticket yields a new ticket with a note, never a comment.
 * The From header is all that makes a sender belong to a ticket, so a sender whose mail is not authenticated joins one
 * only by naming, in In-Reply-To/References, a message the hub sent: one only the ticket's people received.
 */
public final class MailThreader {

    private final ThreadLookup lookup;

    public MailThreader(ThreadLookup lookup) {
        this.lookup = lookup;
    }

    /** For a sender whose mail is authenticated (or whose mailbox trusts unverified senders). */
    public ThreadMatch decide(ParsedMail mail) {
        return decide(mail, true);
    }

    /** @param senderTrusted false when the mail's sender is not authenticated: the From alone then proves nothing */
    public ThreadMatch decide(ParsedMail mail, boolean senderTrusted) {
        MailAddress from = mail.sender();
        if (from == null || from.address() == null) {
            return ThreadMatch.newTicket();
        }
        String sender = from.address().strip().toLowerCase(Locale.ROOT);
        if (!senderTrusted) {
            Optional<ThreadTicket> answered = lookup.bySentMessageIds(referencedIds(mail));
            if (answered.isPresent() && lookup.isParticipant(answered.get().id(), sender)) {
                return joined(answered.get(), ThreadSignal.MESSAGE_REFERENCE, ThreadSignal.MESSAGE_REFERENCE.description()
                        + " (names a message the hub sent on " + answered.get().key() + ")");
            }
        }
        ThreadMatch refused = null;
        for (ThreadSignal signal : ThreadSignal.values()) {
            for (Candidate candidate : candidates(signal, mail)) {
                ThreadTicket ticket = candidate.ticket();
                String evidence = signal.description() + " (" + candidate.evidence() + ")";
                if (!lookup.isParticipant(ticket.id(), sender)) {
                    if (refused == null) {
                        refused = new ThreadMatch(ThreadMatch.Kind.NOT_PARTICIPANT, ticket, signal, "mail quoted " + ticket.key() + " by "
                                + evidence + ", but sender " + sender + " is not a participant of it; opened a new ticket instead");
                    }
                    continue;
                }
                if (!senderTrusted) {
                    return new ThreadMatch(ThreadMatch.Kind.SENDER_NOT_AUTHENTICATED, ticket, signal, "mail quoted " + ticket.key() + " by "
                            + evidence + " in the name of its participant " + sender + ", but the sender is not authenticated and the mail "
                            + "names no message the hub sent; opened a new ticket instead");
                }
                return joined(ticket, signal, evidence);
            }
        }
        return refused != null ? refused : ThreadMatch.newTicket();
    }

    private static ThreadMatch joined(ThreadTicket ticket, ThreadSignal signal, String evidence) {
        if (ticket.closed()) {
            // A closed ticket stays closed; the reply is new work that points back at it.
            return new ThreadMatch(ThreadMatch.Kind.FOLLOW_UP_OF_CLOSED, ticket, signal,
                    "reply to closed ticket " + ticket.key() + " by " + evidence + "; opened a follow-up ticket");
        }
        return new ThreadMatch(ThreadMatch.Kind.APPEND, ticket, signal, "threaded onto " + ticket.key() + " by " + evidence);
    }

    private record Candidate(ThreadTicket ticket, String evidence) {
    }

    private List<Candidate> candidates(ThreadSignal signal, ParsedMail mail) {
        return switch (signal) {
            case SUBJECT_KEY -> SubjectKeys.find(mail.subject())
                    .flatMap(key -> lookup.byKey(key).map(t -> new Candidate(t, key)))
                    .map(List::of).orElse(List.of());
            case MESSAGE_REFERENCE -> byReferences(mail);
            case FOREIGN_NUMBER -> {
                List<Candidate> found = new ArrayList<>();
                for (ForeignNumber number : ForeignNumbers.find(mail.subject())) {
                    lookup.byForeignNumber(number).forEach(t -> found.add(new Candidate(t, number.system() + " " + number.number())));
                }
                yield found;
            }
        };
    }

    /** In-Reply-To first, then References newest first: the closest ancestor is the best witness. */
    private List<Candidate> byReferences(ParsedMail mail) {
        List<String> ids = referencedIds(mail);
        if (ids.isEmpty()) {
            return List.of();
        }
        Optional<ThreadTicket> ticket = lookup.byMessageIds(ids);
        return ticket.map(t -> List.of(new Candidate(t, "references a message of " + t.key()))).orElse(List.of());
    }

    private static List<String> referencedIds(ParsedMail mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null && !mail.inReplyTo().isBlank()) {
            ids.add(mail.inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        references.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }
}
