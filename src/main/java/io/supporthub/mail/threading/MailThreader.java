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
 */
public final class MailThreader {

    private final ThreadLookup lookup;

    public MailThreader(ThreadLookup lookup) {
        this.lookup = lookup;
    }

    public ThreadMatch decide(ParsedMail mail) {
        MailAddress from = mail.sender();
        if (from == null || from.address() == null) {
            return ThreadMatch.newTicket();
        }
        String sender = from.address().strip().toLowerCase(Locale.ROOT);
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
                if (ticket.closed()) {
                    // A closed ticket stays closed; the reply is new work that points back at it.
                    return new ThreadMatch(ThreadMatch.Kind.FOLLOW_UP_OF_CLOSED, ticket, signal,
                            "reply to closed ticket " + ticket.key() + " by " + evidence + "; opened a follow-up ticket");
                }
                return new ThreadMatch(ThreadMatch.Kind.APPEND, ticket, signal, "threaded onto " + ticket.key() + " by " + evidence);
            }
        }
        return refused != null ? refused : ThreadMatch.newTicket();
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
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null && !mail.inReplyTo().isBlank()) {
            ids.add(mail.inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        references.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        if (ids.isEmpty()) {
            return List.of();
        }
        Optional<ThreadTicket> ticket = lookup.byMessageIds(ids);
        return ticket.map(t -> List.of(new Candidate(t, "references a message of " + t.key()))).orElse(List.of());
    }
}
