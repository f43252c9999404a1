package io.supporthub.intake;

import io.supporthub.db.Transactions;
import io.supporthub.mail.MailLedger;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.ticket.MailReceipt;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketStore;
import java.util.List;

/**
 * Creates a ticket from a routed draft in one transaction: the ticket, its timeline, the mail
 * record (whose unique key stops a second delivery) and the notifications to send after commit.
 */
public class TicketIntake {

    private final Transactions transactions;
    private final TicketStore tickets;
    private final MailLedger mailLedger;
    private final NotificationStore notifications;
    private final NotificationPolicy notificationPolicy;

    public TicketIntake(Transactions transactions, TicketStore tickets, MailLedger mailLedger, NotificationStore notifications,
                        NotificationPolicy notificationPolicy) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.mailLedger = mailLedger;
        this.notifications = notifications;
        this.notificationPolicy = notificationPolicy;
    }

    public IntakeOutcome create(TicketDraft draft) {
        MailReceipt mail = draft.request().mail();
        return transactions.inTransaction(c -> {
            if (mail != null && !mailLedger.record(c, mail, "created_ticket", "create-or-append", "no existing ticket matched")) {
                return IntakeOutcome.duplicate();
            }
            Ticket ticket = tickets.insert(c, draft);
            if (mail != null) {
                mailLedger.attachTicket(c, mail.messageKey(), ticket.id());
            }
            List<Long> queued = notifications.enqueue(c, ticket.id(), notificationPolicy.forNewTicket(ticket, draft));
            return new IntakeOutcome(ticket, queued);
        });
    }
}
