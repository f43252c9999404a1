package io.supporthub.mailbox;

import io.supporthub.db.Transactions;
import io.supporthub.intake.CreationAdmissions;
import io.supporthub.intake.IntakeOutcome;
import io.supporthub.intake.ReplyIntake;
import io.supporthub.intake.TicketIntake;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.mail.MailSourceLedger;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.NotificationStore;
import io.supporthub.ticket.Ticket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Commits prepared mail: one mail in its own transaction, or a mailbox batch in one transaction whose
 * mail records go in first, so a mail recorded before (by an earlier or a concurrent delivery) creates nothing.
 * Either way a mail's ticket, comment or decision and its record commit together. A mail that would open a
 * ticket past its sender's creation cap is held in quarantine instead, in the same transaction, counted there
 * so that neither the mails of one batch nor parallel batches can overshoot the cap.
 */
public class MailIntake {

    /** What committing one mail did. */
    public enum Effect { TICKET, COMMENT, DECISION, HELD, RECORDED_BEFORE }

    /** The policy name a mail held by the creation cap carries in quarantine and in its decision record. */
    public static final String HELD_BY_CAP = "creation-cap";

    /** What committing one mail did, for the log, and the notifications to send now that it has committed. */
    public record Outcome(PreparedMail mail, Effect effect, String description, List<Long> notificationIds) {
    }

    private final Transactions transactions;
    private final MailLedger ledger;
    private final TicketIntake tickets;
    private final ReplyIntake replies;
    private final CreationAdmissions admissions;
    private final MailQuarantine quarantine;
    private final NotificationPolicy notificationPolicy;
    private final NotificationStore notifications;

    /**
     * @param notificationPolicy plans the alert a held mail of an authenticated VIP or enterprise customer raises
     * @param notifications the outbox that alert goes through, written in the hold's transaction
     */
    public MailIntake(Transactions transactions, MailLedger ledger, TicketIntake tickets, ReplyIntake replies, CreationAdmissions admissions,
                      MailQuarantine quarantine, NotificationPolicy notificationPolicy, NotificationStore notifications) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.tickets = tickets;
        this.replies = replies;
        this.admissions = admissions;
        this.quarantine = quarantine;
        this.notificationPolicy = notificationPolicy;
        this.notifications = notifications;
    }

    /** Commits one mail in its own transaction. */
    public Outcome commitOne(PreparedMail mail) {
        if (mail instanceof PreparedMail.NewTicket n) {
            return transactions.inTransaction(c -> {
                Optional<Outcome> held = holdIfOverCap(c, n);
                if (held.isPresent()) {
                    return held.get();
                }
                IntakeOutcome created = tickets.create(c, n.draft());
                return created.created() ? new Outcome(mail, Effect.TICKET, describe(created.ticket()), created.notificationIds()) : recordedBefore(mail);
            });
        }
        if (mail instanceof PreparedMail.Reply r) {
            Long comment = replies.append(r.receipt(), r.ticketId(), r.signal(), r.reason(), r.reply());
            return comment == null ? new Outcome(mail, Effect.RECORDED_BEFORE, "duplicate delivery; " + r.ticketKey() + " has this reply already", List.of())
                    : new Outcome(mail, Effect.COMMENT, "comment " + comment + " added to " + r.ticketKey() + ": " + r.reason(), List.of());
        }
        if (mail instanceof PreparedMail.Decision d) {
            return ledger.recordDecision(d.receipt(), d.decision(), d.decidedBy(), d.reason(), d.answeredTicketId())
                    ? new Outcome(mail, Effect.DECISION, "not ticketed, " + d.decidedBy() + ": " + d.reason(), List.of()) : recordedBefore(mail);
        }
        return recordedBefore(mail);
    }

    /**
     * Commits a batch in one transaction and returns one outcome per mail, in order. Any database error rolls
     * the whole batch back and is thrown: nothing of it is committed, and the caller commits its mails one by one.
     */
    public List<Outcome> commitAll(List<PreparedMail> mails) {
        return transactions.inTransaction(c -> {
            Outcome[] outcomes = new Outcome[mails.size()];
            holdOverCap(c, mails, outcomes);
            Map<Integer, Long> ticketIdAt = new HashMap<>();
            Set<String> fresh = record(c, mails, outcomes, ticketIdAt);
            Set<String> claimed = new HashSet<>();
            List<Integer> draftAt = new ArrayList<>();
            List<Integer> replyAt = new ArrayList<>();
            for (int i = 0; i < mails.size(); i++) {
                PreparedMail mail = mails.get(i);
                if (outcomes[i] != null) {
                    continue;
                }
                // the same mail twice in one batch (delivered twice): only its first copy is new
                if (mail instanceof PreparedMail.Recorded || !fresh.contains(mail.receipt().messageKey())
                        || !claimed.add(mail.receipt().messageKey())) {
                    outcomes[i] = recordedBefore(mail);
                } else if (mail instanceof PreparedMail.NewTicket) {
                    draftAt.add(i);
                } else if (mail instanceof PreparedMail.Reply) {
                    replyAt.add(i);
                } else {
                    outcomes[i] = decide(c, (PreparedMail.Decision) mail);
                }
            }
            // replies lock their tickets; in ticket order, two batches never wait on each other in a circle
            replyAt.sort(Comparator.comparingLong(i -> ((PreparedMail.Reply) mails.get(i)).ticketId()));
            for (int i : replyAt) {
                PreparedMail.Reply r = (PreparedMail.Reply) mails.get(i);
                long comment = replies.appendRecorded(c, r.receipt(), r.ticketId(), r.signal(), r.reason(), r.reply());
                outcomes[i] = new Outcome(r, Effect.COMMENT, "comment " + comment + " added to " + r.ticketKey() + ": " + r.reason(), List.of());
            }
            List<IntakeOutcome> created = tickets.createLinked(c, draftAt.stream().map(i -> ((PreparedMail.NewTicket) mails.get(i)).draft()).toList(),
                    draftAt.stream().map(ticketIdAt::get).toList());
            for (int d = 0; d < draftAt.size(); d++) {
                outcomes[draftAt.get(d)] = new Outcome(mails.get(draftAt.get(d)), Effect.TICKET, describe(created.get(d).ticket()),
                        created.get(d).notificationIds());
            }
            return List.of(outcomes);
        });
    }

    /**
     * Records the batch's mails in one statement and returns the keys that were new. A new ticket's id is drawn first
     * (into {@code ticketIdAt}, by the mail's index), so its mail's record names it at once.
     */
    private Set<String> record(Connection c, List<PreparedMail> mails, Outcome[] decided, Map<Integer, Long> ticketIdAt) throws SQLException {
        long newTickets = java.util.stream.IntStream.range(0, mails.size())
                .filter(i -> decided[i] == null && mails.get(i) instanceof PreparedMail.NewTicket).count();
        Iterator<Long> reserved = tickets.reserveIds(c, (int) newTickets).iterator();
        List<MailLedger.Entry> entries = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            PreparedMail mail = mails.get(i);
            if (decided[i] != null) {
                continue;
            }
            if (mail instanceof PreparedMail.NewTicket) {
                ticketIdAt.put(i, reserved.next());
                entries.add(entry(mail).withTicket(ticketIdAt.get(i)));
            } else if (!(mail instanceof PreparedMail.Recorded)) {
                entries.add(entry(mail));
            }
        }
        return ledger.recordAll(c, entries);
    }

    /**
     * The mails (by index) that answer another mail of the same batch, or of {@code earlierIds} (a batch still being
     * committed when these were threaded), by In-Reply-To or References: threading could not see the ticket that other
     * mail opens, so they must be committed after it, one by one, and threaded again.
     */
    public static Set<Integer> answeringTheirBatch(List<PreparedMail> mails, Set<String> earlierIds) {
        Set<String> ids = new HashSet<>(earlierIds);
        mails.forEach(m -> {
            if (m.mail().parsed().messageId() != null) {
                ids.add(m.mail().parsed().messageId());
            }
        });
        Set<Integer> answering = new java.util.TreeSet<>();
        for (int i = 0; i < mails.size(); i++) {
            PreparedMail mail = mails.get(i);
            if (!(mail instanceof PreparedMail.NewTicket || mail instanceof PreparedMail.Reply)) {
                continue;
            }
            List<String> referenced = new ArrayList<>(mail.mail().parsed().references());
            referenced.add(mail.mail().parsed().inReplyTo());
            String own = mail.mail().parsed().messageId();
            if (referenced.stream().anyMatch(id -> id != null && !id.equals(own) && ids.contains(id))) {
                answering.add(i);
            }
        }
        return answering;
    }

    private MailLedger.Entry entry(PreparedMail mail) {
        if (mail instanceof PreparedMail.NewTicket n) {
            return MailSourceLedger.openingEntry(n.draft());
        }
        if (mail instanceof PreparedMail.Reply r) {
            return MailSourceLedger.replyEntry(r.receipt(), r.reason());
        }
        if (mail instanceof PreparedMail.Decision d) {
            return new MailLedger.Entry(d.receipt(), d.decision(), d.decidedBy(), d.reason());
        }
        throw new IllegalArgumentException("a mail recorded before gets no new record");
    }

    /**
     * Admits the batch's would-be tickets under their senders' creation cap (in a few statements, see
     * {@link CreationAdmissions#admitAll}) and holds those past it: their outcome is filled in, and nothing else of
     * them is written. A mail released from quarantine passes.
     */
    private void holdOverCap(Connection c, List<PreparedMail> mails, Outcome[] outcomes) throws SQLException {
        List<Integer> counted = new ArrayList<>();
        List<CreationAdmissions.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            if (mails.get(i) instanceof PreparedMail.NewTicket n && n.releasedFrom() == null) {
                counted.add(i);
                candidates.add(new CreationAdmissions.Candidate(sender(n), n.receipt().messageKey(), n.receipt().senderTrusted()));
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        List<CreationAdmissions.Admission> admissions = this.admissions.admitAll(c, candidates);
        for (int k = 0; k < counted.size(); k++) {
            if (!admissions.get(k).admitted()) {
                int i = counted.get(k);
                outcomes[i] = hold(c, (PreparedMail.NewTicket) mails.get(i), admissions.get(k).reason());
            }
        }
    }

    /** Holds the mail with its decision record when its sender has opened as many tickets as the cap allows; a released mail passes. */
    private Optional<Outcome> holdIfOverCap(Connection c, PreparedMail.NewTicket mail) throws SQLException {
        Outcome[] outcome = new Outcome[1];
        holdOverCap(c, List.of(mail), outcome);
        return Optional.ofNullable(outcome[0]);
    }

    /**
     * Holds the mail in quarantine with its decision record. A held mail of an authenticated VIP or enterprise customer
     * alerts a person in the same transaction (a Slack alert through the outbox), rather than waiting unseen for release.
     */
    private Outcome hold(Connection c, PreparedMail.NewTicket mail, String reason) throws SQLException {
        Optional<Long> held = quarantine.hold(c, mail.receipt(), mail.raw(), HELD_BY_CAP, reason);
        if (held.isEmpty()) {
            return recordedBefore(mail);
        }
        List<Long> alert = new ArrayList<>();
        Optional<NotificationRequest> request = notificationPolicy.forHeldMail(mail.draft(), held.get(), reason);
        if (request.isPresent()) {
            notifications.enqueueAboutHub(c, request.get()).ifPresent(alert::add);
        }
        return new Outcome(mail, Effect.HELD, "held as quarantine #" + held.get() + " (release with POST /api/v1/mail/quarantine/"
                + held.get() + "/replay): " + reason, alert);
    }

    private static String sender(PreparedMail mail) {
        return mail.mail().parsed().sender() == null ? null : mail.mail().parsed().sender().address();
    }

    private Outcome decide(Connection c, PreparedMail.Decision d) throws SQLException {
        if (d.answeredTicketId() != null) {
            ledger.linkDecision(c, d.receipt(), d.decision(), d.decidedBy(), d.reason(), d.answeredTicketId());
        }
        return new Outcome(d, Effect.DECISION, "not ticketed, " + d.decidedBy() + ": " + d.reason(), List.of());
    }

    private static Outcome recordedBefore(PreparedMail mail) {
        return new Outcome(mail, Effect.RECORDED_BEFORE, "recorded before; nothing to do", List.of());
    }

    private static String describe(Ticket ticket) {
        return "ticket " + ticket.key() + " created: " + ticket.priority().name() + " " + ticket.category() + " -> " + ticket.tier().name()
                + "/" + ticket.queue();
    }
}
