package io.supporthub.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the messages the SLA engine and lifecycle automations send about a ticket: Slack alerts
 * (warning, breach, reminder, escalation, manager notice, review) and the satisfaction follow-up
 * mail. A channel an admin turned off gets nothing queued.
 */
public class TicketAlerts {

    /** Who an alert is for; the Slack connector maps an audience to its channel. */
    public static final String MANAGERS = "manager";
    public static final String EXECUTIVES = "executive";

    private final boolean mailEnabled;
    private final boolean slackEnabled;

    public TicketAlerts(boolean mailEnabled, boolean slackEnabled) {
        this.mailEnabled = mailEnabled;
        this.slackEnabled = slackEnabled;
    }

    /**
     * A Slack alert, at most one per {@code dedupeKey} (ticket and step).
     *
     * @param ticketFacts what every alert shows about the ticket (key, customer, tier, queue, ...)
     * @param alert       the kind: sla_warning, sla_breach, sla_reminder, escalation, manager_notice, manager_review
     * @param details     what this alert adds: reason, metric, due and fired instants, audience
     */
    public List<NotificationRequest> slack(String dedupeKey, Map<String, Object> ticketFacts, String alert, String reason,
                                           Map<String, Object> details) {
        if (!slackEnabled) {
            return List.of();
        }
        Map<String, Object> payload = new LinkedHashMap<>(ticketFacts);
        payload.putAll(details);
        payload.put("alert", alert);
        payload.put("alert_reason", reason);
        return List.of(new NotificationRequest(NotificationKind.SLACK_ALERT, "slack", dedupeKey, payload));
    }

    /** The follow-up asking the requester how the solved ticket went, once per solve. */
    public List<NotificationRequest> satisfactionMail(String dedupeKey, Map<String, Object> ticketFacts, String recipient) {
        if (!mailEnabled || recipient == null || recipient.isBlank()) {
            return List.of();
        }
        return List.of(new NotificationRequest(NotificationKind.SATISFACTION_MAIL, recipient, dedupeKey, ticketFacts));
    }

    public boolean slackEnabled() {
        return slackEnabled;
    }
}
