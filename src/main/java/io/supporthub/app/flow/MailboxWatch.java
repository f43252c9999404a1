package io.supporthub.app.flow;

import com.slack.api.model.Message;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.supporthub.mail.MailboxLiveness;
import java.util.List;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Camel's side of mailbox liveness: the mail consumer's poll strategy records each poll, the
 * health check {@code mailbox-liveness} reports it, and the watch route asks for the Slack alert.
 */
public class MailboxWatch extends AbstractHealthCheck implements PollingConsumerPollStrategy {

    private final MailboxLiveness liveness;
    private final boolean slackEnabled;

    public MailboxWatch(MailboxLiveness liveness, boolean slackEnabled) {
        super("mailbox", "mailbox-liveness");
        this.liveness = liveness;
        this.slackEnabled = slackEnabled;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        liveness.pollStarting();
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        liveness.pollSucceeded();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        liveness.pollFailed(cause);
        return false;   // no immediate retry: the next scheduled poll tries again
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        MailboxLiveness.Status status = liveness.status();
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

    /** The Slack alert to send now, or null. */
    public Message alert() {
        if (!slackEnabled) {
            return null;
        }
        return liveness.alertDue().map(text -> {
            Message message = new Message();
            message.setText(":warning: " + text);
            message.setBlocks(List.of(SectionBlock.builder()
                    .text(MarkdownTextObject.builder().text(":warning: *Mail intake stopped.* " + text).build()).build()));
            return message;
        }).orElse(null);
    }

    public void alertSent() {
        liveness.alertSent();
    }
}
