package io.supporthub.mailbox;

import io.supporthub.notify.NotificationKind;
import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.NotificationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A mailbox's outage alert as a Slack notification in the outbox, so it is retried, capped and routed like every other
 * alert: to the channel of audience {@code operations} when one is set (slack.channels), else of the mailbox's queue,
 * else the default channel. It belongs to no ticket.
 */
public class MailboxOutageAlerts implements MailboxPolls.AlertQueue {

    /** The alert kind Slack renders as "Mail intake stopped". */
    public static final String ALERT = "mailbox_down";
    /** Who a mailbox alert is for: whoever runs the hub, not the support tiers. */
    public static final String AUDIENCE = "operations";

    private final NotificationStore store;
    private final Mailboxes mailboxes;

    public MailboxOutageAlerts(NotificationStore store, Mailboxes mailboxes) {
        this.store = store;
        this.mailboxes = mailboxes;
    }

    @Override
    public Optional<Long> queue(Connection connection, String mailboxName, Instant at, String text) throws SQLException {
        return store.enqueueAboutHub(connection, request(mailboxName, at, text));
    }

    NotificationRequest request(String mailboxName, Instant at, String text) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("alert", ALERT);
        payload.put("alert_reason", text);
        payload.put("mailbox", mailboxName);
        payload.put("audience", AUDIENCE);
        mailboxes.byName(mailboxName).ifPresent(mailbox -> {
            payload.put("mailbox_address", mailbox.address());
            if (mailbox.queue() != null) {
                payload.put("queue", mailbox.queue());
            }
        });
        payload.put("down_since", at.toString());
        // the claim in mailbox_poll makes it one per outage across instances; the key makes a second queueing a no-op
        return new NotificationRequest(NotificationKind.SLACK_ALERT, "slack", "mailbox-down:" + mailboxName + ":" + at, payload);
    }
}
