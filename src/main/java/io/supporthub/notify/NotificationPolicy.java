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

/**
 * Decides which messages a new ticket triggers: an acknowledgement to the requester, and a Slack
 * alert for urgent, VIP or emergency work, or an unhappy customer (negative sentiment).
 */
public class NotificationPolicy {

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
            requests.add(new NotificationRequest(NotificationKind.ACKNOWLEDGEMENT_MAIL, ticket.requesterEmail(),
                    "ack:" + ticket.key(), facts));
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
