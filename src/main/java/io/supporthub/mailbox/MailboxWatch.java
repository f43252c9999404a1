package io.supporthub.mailbox;

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

    /**
     * Queues the outage alerts due now in the notification outbox, each claimed for this instance (so several instances
     * queue it once); returns the queued notifications, to send now.
     */
    public List<Long> alerts() {
        if (!slackEnabled) {
            return List.of();
        }
        List<Long> queued = new ArrayList<>();
        mailboxes.forEach((name, liveness) -> liveness.alertDue().ifPresent(alert -> {
            LOG.warn("Mailbox {} is down, alert queued for Slack: {}", name, alert.text());
            queued.add(alert.notificationId());
        }));
        return queued;
    }
}
