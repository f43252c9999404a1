package io.supporthub.connector.slack;

import com.slack.api.model.Message;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import io.supporthub.sla.clock.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the Block Kit message of a ticket alert: what happened (new urgent ticket, SLA warning,
 * breach, reminder, escalation, manager notice or review), the ticket, the customer, its tier,
 * the time left or overdue, and a link to the ticket.
 */
public class SlackAlertComposer {

    private static final Map<String, String> ICONS = Map.of(
            "new_ticket", ":rotating_light:", "sla_warning", ":hourglass_flowing_sand:", "sla_breach", ":red_circle:",
            "sla_reminder", ":bangbang:", "escalation", ":arrow_double_up:", "manager_notice", ":eyes:",
            "manager_review", ":speech_balloon:");
    private static final Map<String, String> TITLES = Map.of(
            "sla_warning", "SLA warning", "sla_breach", "SLA breached", "sla_reminder", "SLA still breached",
            "escalation", "Escalated", "manager_notice", "Manager notice", "manager_review", "Manager review");

    private final String ticketLinkBase;

    /** @param ticketLinkBase the hub's public API base, e.g. https://hub.example.com/api/v1/tickets/ */
    public SlackAlertComposer(String ticketLinkBase) {
        this.ticketLinkBase = ticketLinkBase.endsWith("/") ? ticketLinkBase : ticketLinkBase + "/";
    }

    public Message compose(Map<String, Object> facts) {
        if (facts.get("ticket_key") == null) {
            return aboutTheHub(facts);
        }
        String key = String.valueOf(facts.get("ticket_key"));
        String alert = String.valueOf(facts.getOrDefault("alert", "new_ticket"));
        String title = TITLES.containsKey(alert) ? TITLES.get(alert) + " · " : "";
        String summary = facts.get("priority") + " · " + title + facts.get("alert_reason");
        String headline = ICONS.getOrDefault(alert, ":rotating_light:") + " *" + escape(summary) + "*: <" + ticketLinkBase + key + "|" + key + "> "
                + escape(String.valueOf(facts.get("subject")));
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdown("*Customer*\n" + escape(String.valueOf(facts.getOrDefault("account", facts.get("requester"))))));
        fields.add(markdown("*Customer tier*\n" + facts.get("customer_tier")));
        fields.add(markdown("*Routed to*\n" + facts.get("tier") + " / " + facts.get("queue")));
        fields.add(markdown("*Category*\n" + facts.get("category")));
        String timing = timing(facts);
        if (timing != null) {
            fields.add(markdown(timing));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SectionBlock.builder().text(markdown(headline)).build());
        blocks.add(SectionBlock.builder().fields(fields).build());
        if (facts.get("policy") != null) {
            blocks.add(ContextBlock.builder().elements(List.of(markdown("SLA policy " + escape(facts.get("policy").toString())
                    + " · step " + facts.get("step") + " % · due " + facts.get("due_at")))).build());
        }
        Message message = new Message();
        // The plain text is what notifications and old clients show.
        message.setText(summary + ": " + key + " " + facts.get("subject"));
        message.setBlocks(blocks);
        return message;
    }

    /** An alert about the hub itself, about no ticket: a mailbox that stopped being polled. */
    private static Message aboutTheHub(Map<String, Object> facts) {
        String title = "mailbox_down".equals(facts.get("alert")) ? "Mail intake stopped." : "Support hub alert.";
        String reason = String.valueOf(facts.get("alert_reason"));
        Message message = new Message();
        message.setText(":warning: " + title + " " + reason);
        message.setBlocks(List.of(SectionBlock.builder().text(markdown(":warning: *" + title + "* " + escape(reason))).build()));
        return message;
    }

    /** "Time left" before the due instant, or "Overdue" after it, as of when the step fired. */
    static String timing(Map<String, Object> facts) {
        Instant due = instant(facts.get("due_at"));
        Instant fired = instant(facts.get("fired_at"));
        if (due == null || fired == null) {
            return null;
        }
        return fired.isBefore(due)
                ? "*Time left*\n" + DurationText.of(Duration.between(fired, due)) + " (due " + due + ")"
                : "*Overdue*\n" + DurationText.of(Duration.between(due, fired)) + " (was due " + due + ")";
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    /** Slack's mrkdwn needs &, < and > escaped in user-provided text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
