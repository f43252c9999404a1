package io.supporthub.app.flow;

import com.slack.api.model.Message;
import io.supporthub.connector.slack.SlackAlertComposer;
import io.supporthub.connector.slack.SlackChannels;
import io.supporthub.connector.slack.SlackErrorClassifier;
import io.supporthub.connector.spi.ConnectorErrorClassifier;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.mail.AcknowledgementMail;
import io.supporthub.mail.SatisfactionFollowUpMail;
import io.supporthub.mail.OutboundMail;
import io.supporthub.notify.Notification;
import io.supporthub.notify.MailCaps;
import io.supporthub.notify.NotificationKind;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.OutboundMailLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;

/** The notify route's steps: claim, render for SMTP or Slack, and record the outcome. */
public class NotificationStep implements HubStopping {

    static final int MAX_ATTEMPTS = 12;
    private static final ConnectorErrorClassifier SLACK_ERRORS = new SlackErrorClassifier();

    private final NotificationStore store;
    private final AcknowledgementMail acknowledgement;
    private final SatisfactionFollowUpMail followUp;
    private final SlackAlertComposer slackAlerts;
    private final SlackChannels slackChannels;
    private final String fromHeader;
    private final OutboundMailLog outbound;
    private final MailCaps caps;
    /** Claimed and not yet recorded as sent or failed: released for the next start if a stop cuts their send short. */
    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public NotificationStep(NotificationStore store, AcknowledgementMail acknowledgement, SatisfactionFollowUpMail followUp,
                            SlackAlertComposer slackAlerts, SlackChannels slackChannels, String fromHeader, OutboundMailLog outbound,
                            MailCaps caps) {
        this.store = store;
        this.acknowledgement = acknowledgement;
        this.followUp = followUp;
        this.slackAlerts = slackAlerts;
        this.slackChannels = slackChannels;
        this.fromHeader = fromHeader;
        this.outbound = outbound;
        this.caps = caps;
    }

    /**
     * The claimed notification, or null when another instance holds it, it was sent already, or a
     * loop cap stopped it (then it is kept as suppressed, with the reason on the ticket's timeline).
     */
    public Notification claim(Long id) {
        if (stopping) {
            // left pending in the outbox: the next start (or another instance) sends it
            return null;
        }
        Notification notification = store.claim(id).orElse(null);
        if (notification != null) {
            claimed.add(notification.id());
        }
        if (notification != null && notification.kind().isMail()) {
            Optional<String> capped = outbound.capExceeded(caps, notification.ticketId(), notification.recipient(), notification.allowance());
            if (capped.isPresent()) {
                store.markSuppressed(notification, capped.get());
                return null;
            }
        }
        return notification;
    }

    public List<Long> due() {
        return store.due(50);
    }

    /** Renders a mail to the customer (acknowledgement or satisfaction follow-up): sets the headers camel-mail sends, returns the text. */
    public String customerMail(Notification notification, @Headers Map<String, Object> headers) {
        OutboundMail mail = notification.kind() == NotificationKind.SATISFACTION_MAIL
                ? followUp.render(notification.recipient(), notification.payload())
                : acknowledgement.render(notification.recipient(), notification.payload());
        headers.clear();
        headers.put(HeaderNames.MAIL_TO, mail.to());
        headers.put(HeaderNames.MAIL_FROM, fromHeader);
        headers.put(HeaderNames.MAIL_SUBJECT, mail.subject());
        headers.put(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        headers.putAll(mail.headers());
        // Stored without angle brackets, as every Message-ID in the database is.
        outbound.record(mail.headers().get("Message-ID").replaceAll("^<|>$", ""), notification.ticketId(), notification.id(), notification.recipient(),
                notification.allowance());
        return mail.text();
    }

    /** The Block Kit message; the channel (per audience, queue or tier) goes in a header the route sends to. */
    public Message slackAlert(Notification notification, @Headers Map<String, Object> headers) {
        headers.put(HeaderNames.SLACK_CHANNEL, slackChannels.channelFor(notification.payload()));
        return slackAlerts.compose(notification.payload());
    }

    public void sent(@ExchangeProperty(PropertyNames.NOTIFICATION) Notification notification) {
        String reason = switch (notification.kind()) {
            case ACKNOWLEDGEMENT_MAIL -> "acknowledgement mailed to " + notification.recipient();
            case SATISFACTION_MAIL -> "satisfaction follow-up mailed to " + notification.recipient();
            case SLACK_ALERT -> "Slack alert posted: " + notification.text("alert_reason");
        };
        store.markSent(notification, reason);
        claimed.remove(notification.id());
    }

    /** Records the failure with its backoff; returns what happens next, for the log. */
    public String failed(@ExchangeProperty(PropertyNames.NOTIFICATION) Notification notification,
                         @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        if (notification == null) {
            return "nothing recorded: no notification was claimed";
        }
        claimed.remove(notification.id());
        String description = error == null ? null : error.getClass().getSimpleName() + ": " + error.getMessage();
        String permanent = permanentFailure(error);
        if (permanent != null) {
            // no retry can cure it: failed at once for an admin, instead of twelve more tries over hours
            store.markUndeliverable(notification, permanent + " (" + description + ")");
            return "not retried: " + permanent;
        }
        store.markFailed(notification.id(), description, MAX_ATTEMPTS);
        return notification.attempts() >= MAX_ATTEMPTS ? "given up after " + notification.attempts() + " attempts" : "will retry";
    }

    @Override
    public void hubStopping() {
        stopping = true;
    }

    @Override
    public void hubStopped() {
        if (!claimed.isEmpty()) {
            store.release(Set.copyOf(claimed));
            claimed.clear();
        }
    }

    /**
     * Why the send can never succeed, or null when a retry may: a recipient address the mail library refuses to parse
     * (e.g. a control character in it), or Slack refusing the alert for good (see {@link SlackErrorClassifier}).
     */
    static String permanentFailure(Throwable error) {
        if (ConnectorErrorClassifier.causeOf(error, jakarta.mail.internet.AddressException.class).isPresent()) {
            return "the address is malformed";
        }
        ConnectorFailure slack = SLACK_ERRORS.classify(error);
        return slack.retriable() ? null : slack.reason();
    }
}
