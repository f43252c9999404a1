package io.supporthub.intake;

import io.supporthub.db.Transactions;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.NotificationStore;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.ticket.ExternalLink;
import io.supporthub.ticket.ExternalLinks;
import io.supporthub.ticket.ExternalRef;
import io.supporthub.ticket.SourceLedger;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketParticipants;
import io.supporthub.ticket.TicketSource;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.attachment.AttachmentStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates tickets from routed drafts: the ticket, its timeline, its links to the records it is in other systems, the
 * record its channel keeps of the message (whose unique key stops a second delivery) and the notifications to send
 * after commit, all in one transaction. One draft at a time ({@link #create}, the API and single mails) or a mailbox
 * batch ({@link #createLinked}); both take the same path through {@link #onTicketCreated}.
 */
public class TicketIntake {

    private final Transactions transactions;
    private final TicketStore tickets;
    private final SourceLedger ledgers;
    private final ExternalLinks links;
    private final NotificationStore notifications;
    private final NotificationPolicy notificationPolicy;
    private final AttachmentStore attachments;
    private final IntakeHooks sla;

    /**
     * @param ledgers each channel's record of the messages it delivered (see {@link io.supporthub.ticket.SourceLedgers})
     * @param links the tickets' records in other systems, written with the ticket
     * @param attachments stores the files the opening message carried, in the ticket's transaction
     * @param sla starts the new ticket's SLA clocks and escalation timers in the ticket's transaction
     */
    public TicketIntake(Transactions transactions, TicketStore tickets, SourceLedger ledgers, ExternalLinks links,
                        NotificationStore notifications, NotificationPolicy notificationPolicy, AttachmentStore attachments, IntakeHooks sla) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.ledgers = ledgers;
        this.links = links;
        this.notifications = notifications;
        this.notificationPolicy = notificationPolicy;
        this.attachments = attachments;
        this.sla = sla;
    }

    public IntakeOutcome create(TicketDraft draft) {
        return transactions.inTransaction(c -> create(c, draft));
    }

    /** One ticket in the caller's transaction: its message recorded by its channel (a second delivery creates nothing), then the ticket. */
    public IntakeOutcome create(Connection c, TicketDraft draft) throws SQLException {
        if (!ledgers.recordOpening(c, draft)) {
            return IntakeOutcome.duplicate();
        }
        return createRecorded(c, List.of(draft)).get(0);
    }

    /**
     * Creates the drafts' tickets in the caller's transaction, in order, once the caller has recorded their messages:
     * a few statements for the whole list (rows batched), then {@link #onTicketCreated} for each ticket.
     */
    public List<IntakeOutcome> createRecorded(Connection c, List<TicketDraft> drafts) throws SQLException {
        return create(c, drafts, tickets.reserveIds(c, drafts.size()), true);
    }

    /** Draws the ids of tickets about to be created in this transaction, for message records written before them. */
    public List<Long> reserveIds(Connection c, int count) throws SQLException {
        return tickets.reserveIds(c, count);
    }

    /**
     * As {@link #createRecorded}, for drafts whose message records the caller wrote with these reserved ids as their
     * tickets (a mailbox batch: no second write to link them).
     */
    public List<IntakeOutcome> createLinked(Connection c, List<TicketDraft> drafts, List<Long> ids) throws SQLException {
        return create(c, drafts, ids, false);
    }

    private List<IntakeOutcome> create(Connection c, List<TicketDraft> drafts, List<Long> reservedIds, boolean linkMessages)
            throws SQLException {
        List<TicketDraft> withDecisions = drafts.stream().map(this::withLedgerDecision).toList();
        List<Ticket> created = tickets.insertAll(c, withDecisions, reservedIds);
        List<TicketParticipants.Participants> participants = new ArrayList<>();
        List<ExternalLinks.NewLink> newLinks = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<List<NotificationRequest>> requests = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Ticket ticket = created.get(i);
            TicketDraft draft = drafts.get(i);
            participants.add(new TicketParticipants.Participants(ticket.id(), ticket.requesterEmail(), draft.request().participants()));
            newLinks.addAll(linksOf(ticket.id(), draft.request().source()));
            onTicketCreated(c, ticket, draft);
            ids.add(ticket.id());
            requests.add(notificationPolicy.forNewTicket(ticket, draft));
        }
        TicketParticipants.addAll(c, participants);
        if (linkMessages) {
            ledgers.linkOpenings(c, drafts, ids);
        }
        writeLinks(c, newLinks);
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

    private static List<ExternalLinks.NewLink> linksOf(long ticketId, TicketSource source) {
        List<ExternalLinks.NewLink> found = new ArrayList<>();
        for (ExternalRef ref : source.records()) {
            found.add(new ExternalLinks.NewLink(ticketId, ref, ref == source.origin() ? ExternalLink.ORIGIN : ExternalLink.MENTIONED));
        }
        return found;
    }

    /**
     * Links the new tickets to their records in other systems (most have none: no statement then; the received event
     * names them already). A record linked to another ticket already stays there — one record, one ticket — and the
     * new ticket's timeline says so.
     */
    private void writeLinks(Connection c, List<ExternalLinks.NewLink> newLinks) throws SQLException {
        if (newLinks.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, TicketEvent>> events = new ArrayList<>();
        for (ExternalLinks.NewLink refused : links.linkAll(c, newLinks)) {
            ExternalRef ref = refused.ref();
            events.add(Map.entry(refused.ticketId(), TicketEvent.of("external_link_taken", "intake", ref.label()
                    + " is linked to another ticket already; not linked to this one", Map.of("system", ref.system(),
                    "record", ref.number() != null ? ref.number() : ref.externalId()))));
        }
        tickets.appendEvents(c, events);
    }

    /**
     * Per-ticket work inside the new ticket's transaction, done once for every new ticket on either path: what a ticket
     * implies beyond its rows (stored attachments, the follow-up link) — written with this connection. The SLA clocks
     * of all the tickets start after, at once.
     */
    private void onTicketCreated(Connection c, Ticket ticket, TicketDraft draft) throws SQLException {
        attachments.store(c, ticket.id(), null, draft.request().source().message(), draft.request().content());
        Optional<TicketEvent> note = draft.threadingNote();
        if (note.isPresent() && note.get().payload().get("related_ticket_id") instanceof Number related) {
            // The old ticket learns about its follow-up too, so an agent on either side sees the link.
            tickets.appendEvent(c, related.longValue(), TicketEvent.of("follow_up_created", note.get().actor(),
                    "mail from its requester opened " + ticket.key(), Map.of("related_ticket", ticket.key())));
        }
    }

    /** A ticket shows on its timeline, last, why its channel's ledger let its message become a ticket. */
    private TicketDraft withLedgerDecision(TicketDraft draft) {
        Optional<TicketEvent> decision = ledgers.openingDecision(draft);
        if (decision.isEmpty()) {
            return draft;
        }
        List<TicketEvent> events = new ArrayList<>(draft.events());
        events.add(decision.get());
        return new TicketDraft(draft.request(), draft.customer(), draft.classification(), draft.routing(), events);
    }
}
