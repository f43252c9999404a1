package io.supporthub.intake;

import io.supporthub.db.Transactions;
import io.supporthub.mail.MailLedger;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.NotificationStore;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.ticket.MailReceipt;
import io.supporthub.mail.threading.ThreadIndex;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.attachment.AttachmentStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates tickets from routed drafts: the ticket, its timeline, the mail record (whose unique key
 * stops a second delivery) and the notifications to send after commit, all in one transaction.
 * One draft at a time ({@link #create}, the API and single mails) or a mailbox batch
 * ({@link #createRecorded}); both take the same path through {@link #onTicketCreated}.
 */
public class TicketIntake {

    /** The timeline event threading adds to a draft when a signal pointed at a ticket the mail could not join. */
    public static final String THREADING_NOTE = "threading_note";

    static final String CREATED_TICKET = "created_ticket";

    private final Transactions transactions;
    private final TicketStore tickets;
    private final MailLedger mailLedger;
    private final NotificationStore notifications;
    private final NotificationPolicy notificationPolicy;
    private final AttachmentStore attachments;
    private final IntakeHooks sla;

    /**
     * @param attachments stores the files the opening mail carried, in the ticket's transaction
     * @param sla starts the new ticket's SLA clocks and escalation timers in the ticket's transaction
     */
    public TicketIntake(Transactions transactions, TicketStore tickets, MailLedger mailLedger, NotificationStore notifications,
                        NotificationPolicy notificationPolicy, AttachmentStore attachments, IntakeHooks sla) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.mailLedger = mailLedger;
        this.notifications = notifications;
        this.notificationPolicy = notificationPolicy;
        this.attachments = attachments;
        this.sla = sla;
    }

    public IntakeOutcome create(TicketDraft draft) {
        return transactions.inTransaction(c -> create(c, draft));
    }

    /** One ticket in the caller's transaction: its mail recorded (a second delivery creates nothing), then the ticket. */
    public IntakeOutcome create(Connection c, TicketDraft draft) throws SQLException {
        MailReceipt mail = draft.request().mail();
        if (mail != null) {
            MailLedger.Entry record = mailRecord(draft);
            if (!mailLedger.record(c, mail, record.decision(), record.decidedBy(), record.reason())) {
                return IntakeOutcome.duplicate();
            }
        }
        return createRecorded(c, List.of(draft)).get(0);
    }

    /** The mail record a new ticket's mail gets: why it became a ticket. */
    public MailLedger.Entry mailRecord(TicketDraft draft) {
        Optional<TicketEvent> note = note(draft);
        return new MailLedger.Entry(draft.request().mail(), CREATED_TICKET, note.isPresent() ? "threading" : "create-or-append",
                note.map(TicketEvent::reason).orElse("no existing ticket matched"));
    }

    /**
     * Creates the drafts' tickets in the caller's transaction, in order, once the caller has recorded their mails:
     * a few statements for the whole list (rows batched), then {@link #onTicketCreated} for each ticket.
     */
    public List<IntakeOutcome> createRecorded(Connection c, List<TicketDraft> drafts) throws SQLException {
        return create(c, drafts, tickets.reserveIds(c, drafts.size()), true);
    }

    /** Draws the ids of tickets about to be created in this transaction, for mail records written before them. */
    public List<Long> reserveIds(Connection c, int count) throws SQLException {
        return tickets.reserveIds(c, count);
    }

    /**
     * As {@link #createRecorded}, for drafts whose mail records the caller wrote with these reserved ids as their
     * tickets (a mailbox batch: no second write to link them).
     */
    public List<IntakeOutcome> createLinked(Connection c, List<TicketDraft> drafts, List<Long> ids) throws SQLException {
        return create(c, drafts, ids, false);
    }

    private List<IntakeOutcome> create(Connection c, List<TicketDraft> drafts, List<Long> reservedIds, boolean linkMail) throws SQLException {
        List<TicketDraft> withDecisions = drafts.stream().map(this::withMailDecision).toList();
        List<Ticket> created = tickets.insertAll(c, withDecisions, reservedIds);
        List<ThreadIndex.Participants> participants = new ArrayList<>();
        Map<String, Long> ticketByMail = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        List<List<NotificationRequest>> requests = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Ticket ticket = created.get(i);
            TicketDraft draft = drafts.get(i);
            participants.add(new ThreadIndex.Participants(ticket.id(), ticket.requesterEmail(), draft.request().participants()));
            if (linkMail && draft.request().mail() != null) {
                ticketByMail.put(draft.request().mail().messageKey(), ticket.id());
            }
            onTicketCreated(c, ticket, draft);
            ids.add(ticket.id());
            requests.add(notificationPolicy.forNewTicket(ticket, draft));
        }
        ThreadIndex.addParticipants(c, participants);
        mailLedger.attachTickets(c, ticketByMail);
        // the SLA clocks and timers of all these tickets in a few statements, not a dozen per ticket
        Map<Long, List<Long>> queuedBySla = sla.ticketsCreated(c, ids);
        Map<Long, List<Long>> queued = notifications.enqueueAll(c, ids, requests);
        List<IntakeOutcome> outcomes = new ArrayList<>();
        for (Ticket ticket : created) {
            List<Long> toSend = new ArrayList<>(queued.getOrDefault(ticket.id(), List.of()));
            toSend.addAll(queuedBySla.getOrDefault(ticket.id(), List.of()));
            outcomes.add(new IntakeOutcome(ticket, toSend));
        }
        return outcomes;
    }

    /**
     * Per-ticket work inside the new ticket's transaction, done once for every new ticket on either path: what a ticket
     * implies beyond its rows (stored attachments, the follow-up link) — written with this connection. The SLA clocks
     * of all the tickets start after, at once.
     */
    private void onTicketCreated(Connection c, Ticket ticket, TicketDraft draft) throws SQLException {
        attachments.store(c, ticket.id(), null, draft.request().mail(), draft.request().content());
        Optional<TicketEvent> note = note(draft);
        if (note.isPresent() && note.get().payload().get("related_ticket_id") instanceof Number related) {
            // The old ticket learns about its follow-up too, so an agent on either side sees the link.
            tickets.appendEvent(c, related.longValue(), TicketEvent.of("follow_up_created", mailRecord(draft).decidedBy(),
                    "mail from its requester opened " + ticket.key(), Map.of("related_ticket", ticket.key())));
        }
    }

    /** A mail's ticket shows on its timeline why the mail became a ticket, last, as the decision record says. */
    private TicketDraft withMailDecision(TicketDraft draft) {
        MailReceipt mail = draft.request().mail();
        if (mail == null) {
            return draft;
        }
        MailLedger.Entry record = mailRecord(draft);
        List<TicketEvent> events = new ArrayList<>(draft.events());
        events.add(TicketEvent.of("mail_decision", record.decidedBy(), CREATED_TICKET + ": " + record.reason(),
                Map.of("message_key", mail.messageKey(), "decision", CREATED_TICKET)));
        return new TicketDraft(draft.request(), draft.customer(), draft.classification(), draft.routing(), events);
    }

    private static Optional<TicketEvent> note(TicketDraft draft) {
        return draft.events().stream().filter(e -> e.type().equals(THREADING_NOTE)).findFirst();
    }
}
