package io.supporthub.connector.slack;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the Block Kit message of a ticket alert: what happened, the ticket, the customer and a link. */
public class SlackAlertComposer {

    private final String ticketLinkBase;

    /** @param ticketLinkBase the hub's public API base, e.g. https://hub.example.com/api/v1/tickets/ */
    public SlackAlertComposer(String ticketLinkBase) {
        this.ticketLinkBase = ticketLinkBase.endsWith("/") ? ticketLinkBase : ticketLinkBase + "/";
    }

    public Message compose(Map<String, Object> facts) {
        String key = String.valueOf(facts.get("ticket_key"));
        String headline = ":rotating_light: *" + facts.get("priority") + " · " + escape(String.valueOf(facts.get("alert_reason")))
                + "*: <" + ticketLinkBase + key + "|" + key + "> " + escape(String.valueOf(facts.get("subject")));
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdown("*Customer*\n" + escape(String.valueOf(facts.getOrDefault("account", facts.get("requester"))))));
        fields.add(markdown("*Customer tier*\n" + facts.get("customer_tier")));
        fields.add(markdown("*Routed to*\n" + facts.get("tier") + " / " + facts.get("queue")));
        fields.add(markdown("*Category*\n" + facts.get("category")));
        List<LayoutBlock> blocks = List.of(
                SectionBlock.builder().text(markdown(headline)).build(),
                SectionBlock.builder().fields(fields).build());
        Message message = new Message();
        // The plain text is what notifications and old clients show.
        message.setText(facts.get("priority") + " · " + facts.get("alert_reason") + ": " + key + " " + facts.get("subject"));
        message.setBlocks(blocks);
        return message;
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    /** Slack's mrkdwn needs &, < and > escaped in user-provided text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
