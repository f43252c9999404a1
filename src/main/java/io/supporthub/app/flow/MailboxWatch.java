package io.supporthub.app.flow;

import com.slack.api.model.Message;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.supporthub.mail.MailboxLiveness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel's side of mailbox liveness: one health check per mailbox ({@code mailbox-liveness-<name>}),
 * and the Slack alerts the watch route sends, one per mailbox and outage across all hub instances.
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

    /** One check per mailbox, so health names the mailbox that stopped. */
    public List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>();
        mailboxes.forEach((name, liveness) -> checks.add(new MailboxHealth(name, liveness)));
        return checks;
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

    private static final class MailboxHealth extends AbstractHealthCheck {
        private final MailboxLiveness liveness;

        MailboxHealth(String name, MailboxLiveness liveness) {
            super("mailbox", "mailbox-liveness-" + name);
            this.liveness = liveness;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            MailboxLiveness.Status status;
            try {
                status = liveness.status();
            } catch (RuntimeException e) {
                builder.message("liveness cannot be read: " + e.getMessage()).down();
                return;
            }
            builder.detail("mailbox", liveness.mailbox());
            builder.detail("last_successful_poll", String.valueOf(status.lastSuccess()));
            if (status.lastError() != null) {
                builder.detail("last_error", status.lastError());
            }
            if (status.up()) {
                builder.up();
            } else {
                builder.message("no successful poll for " + MailboxLiveness.MISSED_POLLS + " intervals").down();
            }
        }
    }
}
