package io.supporthub.mailbox;

import com.slack.api.model.Message;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configured mailbox's liveness, for the poller, the health checks ({@code mailbox-liveness-<name>})
 * and the alerts the watch route sends, one per mailbox and outage across all hub instances.
 */
public class MailboxWatch {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MailboxWatch.class);

    /** An alert this instance has claimed for a mailbox: the route sends it, then reports how that went. */
    public record MailboxAlert(String mailbox, Message message) {
    }

    private final Map<String, MailboxLiveness> mailboxes;
    private final boolean slackEnabled;

    /** @param mailboxes liveness by mailbox name, in the configured order */
    public MailboxWatch(Map<String, MailboxLiveness> mailboxes, boolean slackEnabled) {
        this.mailboxes = new LinkedHashMap<>(mailboxes);
        this.slackEnabled = slackEnabled;
    }

    public MailboxLiveness liveness(String mailbox) {
        MailboxLiveness liveness = mailboxes.get(mailbox);
        if (liveness == null) {
            throw new IllegalArgumentException("no mailbox named " + mailbox + " is configured");
        }
        return liveness;
    }

    /** Liveness by mailbox name, in the configured order: one health check each, so health names the mailbox that stopped. */
    public Map<String, MailboxLiveness> all() {
        return java.util.Collections.unmodifiableMap(mailboxes);
    }

    /** The Slack alerts due now, each claimed for this instance. */
    public List<MailboxAlert> alerts() {
        if (!slackEnabled) {
            return List.of();
        }
        List<MailboxAlert> alerts = new ArrayList<>();
        mailboxes.forEach((name, liveness) -> liveness.alertDue().ifPresent(text -> {
            LOG.warn("Mailbox {} is down, alerting Slack: {}", name, text);
            alerts.add(new MailboxAlert(name, message(text)));
        }));
        return alerts;
    }

    private static Message message(String text) {
        Message message = new Message();
        message.setText(":warning: " + text);
        message.setBlocks(List.of(SectionBlock.builder()
                .text(MarkdownTextObject.builder().text(":warning: *Mail intake stopped.* " + text).build()).build()));
        return message;
    }

    public Message message(MailboxAlert alert) {
        return alert.message();
    }

    public void alertSent(MailboxAlert alert) {
        liveness(alert.mailbox()).alertSent();
    }

    /** Slack did not take it: released, so the next tick (on any instance) tries again. */
    public void alertFailed(MailboxAlert alert) {
        liveness(alert.mailbox()).alertFailed();
    }
}
