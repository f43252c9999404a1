package io.supporthub.mailbox;

import io.supporthub.intake.ReplyIntake;
import io.supporthub.mail.InboundMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.mail.ReceivedMail;
import io.supporthub.mail.UnreadableMailException;
import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.mail.filter.MailDecision;
import io.supporthub.mail.mime.ParsedMail;
import io.supporthub.mail.mime.ReplyTextExtractor;
import io.supporthub.mail.threading.MailThreader;
import io.supporthub.mail.threading.ThreadMatch;
import io.supporthub.mail.threading.ThreadTicket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One mail's way through intake: reading, the early duplicate check, threading, and turning a mail into
 * what its one transaction will write (a prepared mail); then committing one mail, and quarantine.
 * The mail routes call it through {@code MailPreparationStep}, which reads and writes the exchange: nothing here
 * knows a header or property name.
 */
public class MailPreparation {

    private final Mailboxes mailboxes;
    private final InboundMailReader reader;
    private final MailLedger ledger;
    private final MailQuarantine quarantine;
    private final MailThreader threader;
    private final MailIntake intake;
    private final MailIntakeCounts counts;

    public MailPreparation(Mailboxes mailboxes, InboundMailReader reader, MailLedger ledger, MailQuarantine quarantine,
                           MailThreader threader, MailIntake intake, MailIntakeCounts counts) {
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.ledger = ledger;
        this.quarantine = quarantine;
        this.threader = threader;
        this.intake = intake;
        this.counts = counts;
    }

    /** Reads the mail and judges its sender under the policy of the mailbox it came to (the default one for a mailbox not known). */
    public InboundMail read(ReceivedMail mail) {
        SenderPolicy policy = Optional.ofNullable(mail.mailboxName()).flatMap(mailboxes::byName).map(MailboxSettings::senderPolicy)
                .orElse(SenderPolicy.defaults());
        return reader.read(mail, policy);
    }

    /** Which way a mail goes, and what threading found for it (null when threading did not look at it). */
    public record MailPath(String name, ThreadMatch thread) {
    }

    /**
     * Which way the mail goes: {@code recorded} (a delivery seen before), {@code reply} (threading found its ticket),
     * {@code ticket} or {@code filtered}. Threading runs only for mail the filters let through; what they stopped is
     * never a comment either.
     *
     * @param alone     the mail goes on its own, not in a mailbox batch
     * @param releasing the mail is one a policy held, released from quarantine
     */
    public MailPath decidePath(InboundMail mail, boolean alone, boolean releasing) {
        // A mail alone asks whether it was recorded before, to spare the CRM a lookup for a redelivery. In a mailbox
        // batch that question costs a query per mail for the rare redelivery: the batch's commit, which records all its
        // mails in one statement, finds those anyway (and a crash's leftovers were recognised by UID before fetching).
        if (alone && recordedBefore(mail.receipt().messageKey(), releasing)) {
            return new MailPath("recorded", null);
        }
        if (!mail.accepted()) {
            return new MailPath("filtered", null);
        }
        ThreadMatch match = threader.decide(mail.parsed(), mail.receipt().senderTrusted());
        return new MailPath(match.appends() ? "reply" : "ticket", match);
    }

    /** A held mail being released is recorded, as held; it must run through intake all the same. */
    private boolean recordedBefore(String messageKey, boolean releasing) {
        return ledger.isRecorded(messageKey) && !(releasing && ledger.isHeld(messageKey));
    }

    public PreparedMail recorded(InboundMail mail) {
        return new PreparedMail.Recorded(mail);
    }

    /** A reply to append to its ticket. */
    public PreparedMail reply(InboundMail mail, ThreadMatch match) {
        if (mail.parsed().sender() == null) {
            throw new UnreadableMailException("mail has no readable From address", null);
        }
        String text = mail.parsed().textBody().strip();
        ReplyIntake.Reply reply = new ReplyIntake.Reply(mail.parsed().sender().address().toLowerCase(Locale.ROOT),
                ReplyTextExtractor.extract(text), text, mail.parsed().sanitizedHtml(), mail.content().attachments());
        return new PreparedMail.Reply(mail, match.ticket().id(), match.ticket().key(), match.signal().code(), match.reason(), reply);
    }

    /** The configured mailbox the mail came to, whose defaults (category hint, queue) triage and the router weigh. */
    public Optional<MailboxSettings> mailboxOf(InboundMail mail) {
        String mailboxName = mail.receipt().mailboxName();
        return mailboxName == null ? Optional.empty() : mailboxes.byName(mailboxName);
    }

    /**
     * A new ticket's draft, its timeline saying who the mail is from; when a signal pointed at a ticket the mail could not
     * join, the draft carries that note to the timeline.
     */
    public TicketDraft draft(InboundMail mail, ThreadMatch match) {
        TicketDraft received = TicketDraft.of(mail.toIntakeRequest());
        TicketDraft draft = mail.senderEvent().map(received::withEvent).orElse(received);
        if (match == null || match.note() == null) {
            return draft;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("related_ticket", match.ticket().key());
        payload.put("signal", match.signal().code());
        if (match.kind() == ThreadMatch.Kind.FOLLOW_UP_OF_CLOSED) {
            payload.put("related_ticket_id", match.ticket().id());
        }
        return draft.withEvent(TicketEvent.of(TicketDraft.THREADING_NOTE, "threading", match.note(), payload));
    }

    /**
     * The routed draft, ready to commit with its mail and the raw bytes the creation cap holds it with. A mail released
     * from quarantine ({@code releasedFrom}, its quarantine id) passes the cap, and its ticket's timeline says so.
     */
    public PreparedMail newTicket(TicketDraft routed, InboundMail mail,
                                  ReceivedMail received, Long releasedFrom) {
        TicketDraft draft = routed;
        if (releasedFrom != null) {
            List<TicketEvent> events = new ArrayList<>(routed.events());
            events.add(TicketEvent.of("mail_released", MailIntake.HELD_BY_CAP, "held by the per-sender creation cap, released from quarantine #"
                    + releasedFrom, Map.of("quarantine_id", releasedFrom)));
            draft = new TicketDraft(routed.request(), routed.customer(), routed.classification(), routed.routing(), events);
        }
        return new PreparedMail.NewTicket(mail, draft, received.raw(), releasedFrom);
    }

    /** Why a filter stopped the mail. Threading only links here: the ticket it answers learns of it, but nothing is appended or sent. */
    public PreparedMail decision(InboundMail mail) {
        MailDecision decision = mail.decision();
        ThreadTicket answered = answeredTicket(mail.parsed());
        return new PreparedMail.Decision(mail, decision.outcome().name().toLowerCase(Locale.ROOT), decision.filter(), decision.reason(),
                answered == null ? null : answered.id());
    }

    /** The ticket a stopped mail answers, by its own signals or, for a bounce, by the returned original it encloses. */
    private ThreadTicket answeredTicket(ParsedMail parsed) {
        List<ParsedMail> candidates = new ArrayList<>();
        candidates.add(parsed);
        candidates.addAll(parsed.forwarded());
        for (ParsedMail candidate : candidates) {
            ThreadTicket ticket = candidate.sender() == null ? null : threader.decide(candidate).ticket();
            if (ticket != null) {
                return ticket;
            }
        }
        return null;
    }

    /** Commits one prepared mail in its own transaction: what it did, and the notifications it queued. */
    public MailIntake.Outcome commit(PreparedMail mail) {
        MailIntake.Outcome outcome = intake.commitOne(mail);
        counts.count(mail.receipt().mailboxName(), outcome.effect());
        return outcome;
    }

    /** The error policy's test: a database error that no retry can cure (the mail's data itself is refused). */
    public boolean refusedData(Exception error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.supporthub.db.DatabaseException db && db.refusesData()) {
                return true;
            }
        }
        return false;
    }

    /** Keeps an unprocessable mail with its error; the mail is then flagged seen, so it is not fetched again. */
    public long quarantine(ReceivedMail mail, Exception error) {
        ReceivedMail kept = mail == null ? new ReceivedMail(null, "unknown", null, null, new byte[0]) : mail;
        long id = quarantine.store(kept, describe(error));
        counts.count(kept.mailboxName(), MailIntakeCounts.QUARANTINED);
        return id;
    }

    /** The innermost cause is the one an admin can act on; Camel's wrappers say only which exchange failed. */
    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
