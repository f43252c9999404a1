package io.supporthub.intake;

import io.supporthub.db.Transactions;
import io.supporthub.mail.MailLedger;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.ticket.MailReceipt;
import io.supporthub.mail.threading.ThreadIndex;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.attachment.AttachmentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a ticket from a routed draft in one transaction: the ticket, its timeline, the mail
 * record (whose unique key stops a second delivery) and the notifications to send after commit.
 */
public class TicketIntake {

    /** The timeline event threading adds to a draft when a signal pointed at a ticket the mail could not join. */
    public static final String THREADING_NOTE = "threading_note";

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
        MailReceipt mail = draft.request().mail();
        Optional<TicketEvent> note = draft.events().stream().filter(e -> e.type().equals(THREADING_NOTE)).findFirst();
        String decidedBy = note.isPresent() ? "threading" : "create-or-append";
        String reason = note.map(TicketEvent::reason).orElse("no existing ticket matched");
        return transactions.inTransaction(c -> {
            if (mail != null && !mailLedger.record(c, mail, "created_ticket", decidedBy, reason)) {
                return IntakeOutcome.duplicate();
            }
            Ticket ticket = tickets.insert(c, draft);
            attachments.store(c, ticket.id(), null, mail, draft.request().content());
            ThreadIndex.addParticipants(c, ticket.id(), ticket.requesterEmail(), draft.request().participants());
            if (mail != null) {
                mailLedger.attachTicket(c, mail.messageKey(), ticket.id());
                tickets.appendEvent(c, ticket.id(), TicketEvent.of("mail_decision", decidedBy, "created_ticket: " + reason,
                        Map.of("message_key", mail.messageKey(), "decision", "created_ticket")));
            }
            if (note.isPresent() && note.get().payload().get("related_ticket_id") instanceof Number related) {
                // The old ticket learns about its follow-up too, so an agent on either side sees the link.
                tickets.appendEvent(c, related.longValue(), TicketEvent.of("follow_up_created", decidedBy,
                        "mail from its requester opened " + ticket.key(), Map.of("related_ticket", ticket.key())));
            }
            List<Long> queued = new ArrayList<>(notifications.enqueue(c, ticket.id(), notificationPolicy.forNewTicket(ticket, draft)));
            queued.addAll(sla.ticketCreated(c, ticket.id()));
            return new IntakeOutcome(ticket, queued);
        });
    }
}
