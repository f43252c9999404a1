package io.supporthub.notify;

import io.supporthub.ticket.CustomerTier;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which messages a new ticket triggers: an acknowledgement to the requester, and a Slack
 * alert for urgent, VIP or emergency work, or an unhappy customer (negative sentiment).
 */
public class NotificationPolicy {

    /** The payload field naming the {@link MailAllowance} an acknowledgement draws on. */
    static final String ALLOWANCE = "allowance";

    private final boolean mailEnabled;
    private final boolean slackEnabled;

    /** A channel an admin turned off gets nothing queued, rather than a queue that never drains. */
    public NotificationPolicy(boolean mailEnabled, boolean slackEnabled) {
        this.mailEnabled = mailEnabled;
        this.slackEnabled = slackEnabled;
    }

    public List<NotificationRequest> forNewTicket(Ticket ticket, TicketDraft draft) {
        Map<String, Object> facts = facts(ticket, draft);
        List<NotificationRequest> requests = new ArrayList<>();
        if (mailEnabled && ticket.requesterEmail() != null) {
            Map<String, Object> acknowledgement = new LinkedHashMap<>(facts);
            // mail only claiming the address is acknowledged from an allowance of its own: a forger cannot use up the customer's
            acknowledgement.put(ALLOWANCE, (draft.request().source().senderTrusted() ? MailAllowance.ACKNOWLEDGEMENT
                    : MailAllowance.UNAUTHENTICATED_ACKNOWLEDGEMENT).code());
            requests.add(new NotificationRequest(NotificationKind.ACKNOWLEDGEMENT_MAIL, ticket.requesterEmail(),
                    "ack:" + ticket.key(), acknowledgement));
        }
        String alertReason = alertReason(ticket);
        if (slackEnabled && alertReason != null) {
            Map<String, Object> alert = new LinkedHashMap<>(facts);
            alert.put("alert", "new_ticket");
            alert.put("alert_reason", alertReason);
            requests.add(new NotificationRequest(NotificationKind.SLACK_ALERT, "slack", "slack:new_ticket:" + ticket.key(), alert));
        }
        return requests;
    }

    /**
     * The alert a mail held by the creation cap raises when it is from an authenticated VIP or enterprise customer: such a
     * customer's mail must reach a person, not wait unseen in quarantine. Nothing for anyone else, or with Slack off.
     * (An unauthenticated sender never has a CRM tier, so forged mail raises no alert.)
     */
    public Optional<NotificationRequest> forHeldMail(TicketDraft draft, long quarantineId, String reason) {
        CustomerTier tier = draft.customerOrUnknown().tier();
        if (!slackEnabled || !draft.request().source().senderTrusted() || tier != CustomerTier.VIP && tier != CustomerTier.ENTERPRISE) {
            return Optional.empty();
        }
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("alert", "held_mail");
        alert.put("alert_reason", "mail from " + tier.code() + " customer " + draft.request().requesterEmail() + " (\"" + draft.request().subject()
                + "\") was held, not ticketed: " + reason + ". Release it: POST /api/v1/mail/quarantine/" + quarantineId + "/replay");
        alert.put("audience", TicketAlerts.MANAGERS);
        alert.put("customer_tier", tier.code());
        alert.put("requester", draft.request().requesterEmail());
        if (draft.customerOrUnknown().accountName() != null) {
            alert.put("account", draft.customerOrUnknown().accountName());
        }
        alert.put("quarantine_id", quarantineId);
        return Optional.of(new NotificationRequest(NotificationKind.SLACK_ALERT, "slack",
                "held:" + draft.request().source().messageKey(), alert));
    }

    /** Why a new ticket deserves a Slack alert, or null when it does not. */
    static String alertReason(Ticket ticket) {
        if (ticket.priority() == Priority.P1) {
            return "critical priority";
        }
        if (ticket.customer().tier() == CustomerTier.VIP) {
            return "VIP customer";
        }
        if (ticket.tier() == Tier.T3 && "emergency".equals(ticket.queue())) {
            return "T3 emergency";
        }
        if ("negative".equals(ticket.sentiment())) {
            return "negative sentiment";
        }
        return null;
    }

    private static Map<String, Object> facts(Ticket ticket, TicketDraft draft) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ticket_key", ticket.key());
        facts.put("subject", ticket.subject());
        facts.put("priority", ticket.priority().name());
        facts.put("category", ticket.category());
        facts.put("tier", ticket.tier().name());
        facts.put("queue", ticket.queue());
        facts.put("customer_tier", ticket.customer().tier().code());
        facts.put("requester", ticket.requesterEmail() == null ? "" : ticket.requesterEmail());
        if (ticket.requesterName() != null) {
            facts.put("requester_name", ticket.requesterName());
        }
        if (ticket.customer().accountName() != null) {
            facts.put("account", ticket.customer().accountName());
        }
        // the acknowledgement answers the customer's mail; a request from another channel has no mail to answer
        if (draft.request().channel() == io.supporthub.ticket.Channel.EMAIL && draft.request().source().messageId() != null) {
            facts.put("in_reply_to", "<" + draft.request().source().messageId() + ">");
        }
        return facts;
    }
}
