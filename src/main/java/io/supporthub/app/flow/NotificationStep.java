package io.supporthub.app.flow;

import com.slack.api.model.Message;
import io.supporthub.connector.slack.SlackAlertComposer;
import io.supporthub.mail.AcknowledgementMail;
import io.supporthub.mail.OutboundMail;
import io.supporthub.notify.Notification;
import io.supporthub.notify.MailCaps;
import io.supporthub.notify.NotificationKind;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.OutboundMailLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;

/** The notify route's steps: claim, render for SMTP or Slack, and record the outcome. */
public class NotificationStep {

    static final int MAX_ATTEMPTS = 12;

    private final NotificationStore store;
    private final AcknowledgementMail acknowledgement;
    private final SlackAlertComposer slackAlerts;
    private final String fromHeader;
    private final OutboundMailLog outbound;
    private final MailCaps caps;

    public NotificationStep(NotificationStore store, AcknowledgementMail acknowledgement, SlackAlertComposer slackAlerts, String fromHeader,
                            OutboundMailLog outbound, MailCaps caps) {
        this.store = store;
        this.acknowledgement = acknowledgement;
        this.slackAlerts = slackAlerts;
        this.fromHeader = fromHeader;
        this.outbound = outbound;
        this.caps = caps;
    }

    /**
     * The claimed notification, or null when another instance holds it, it was sent already, or a
     * loop cap stopped it (then it is kept as suppressed, with the reason on the ticket's timeline).
     */
    public Notification claim(Long id) {
        Notification notification = store.claim(id).orElse(null);
        if (notification != null && notification.kind() == NotificationKind.ACKNOWLEDGEMENT_MAIL) {
            Optional<String> capped = outbound.capExceeded(caps, notification.ticketId(), notification.recipient());
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

    /** Sets the mail headers camel-mail sends and returns the text body. */
    public String acknowledgementMail(Notification notification, @Headers Map<String, Object> headers) {
        OutboundMail mail = acknowledgement.render(notification.recipient(), notification.payload());
        headers.clear();
        headers.put("To", mail.to());
        headers.put("From", fromHeader);
        headers.put("Subject", mail.subject());
        headers.put("Content-Type", "text/plain; charset=UTF-8");
        headers.putAll(mail.headers());
        // Stored without angle brackets, as every Message-ID in the database is.
        outbound.record(mail.headers().get("Message-ID").replaceAll("^<|>$", ""), notification.ticketId(), notification.id(), notification.recipient());
        return mail.text();
    }

    public Message slackAlert(Notification notification) {
        return slackAlerts.compose(notification.payload());
    }

    public void sent(@ExchangeProperty("hubNotification") Notification notification) {
        String reason = switch (notification.kind()) {
            case ACKNOWLEDGEMENT_MAIL -> "acknowledgement mailed to " + notification.recipient();
            case SLACK_ALERT -> "Slack alert posted: " + notification.text("alert_reason");
        };
        store.markSent(notification, reason);
    }

    public void failed(@ExchangeProperty("hubNotification") Notification notification,
                       @ExchangeProperty("CamelExceptionCaught") Exception error) {
        if (notification != null) {
            store.markFailed(notification.id(), error == null ? null : error.getClass().getSimpleName() + ": " + error.getMessage(), MAX_ATTEMPTS);
        }
    }
}
