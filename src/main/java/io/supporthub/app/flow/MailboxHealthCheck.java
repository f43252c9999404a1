package io.supporthub.app.flow;

import io.supporthub.mailbox.MailboxLiveness;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** One mailbox's health ({@code mailbox-liveness-<name>}): DOWN when it has not been polled successfully for three intervals. */
public final class MailboxHealthCheck extends AbstractHealthCheck {

    private final MailboxLiveness liveness;

    public MailboxHealthCheck(String name, MailboxLiveness liveness) {
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
