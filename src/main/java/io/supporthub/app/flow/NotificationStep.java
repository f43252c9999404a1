package io.supporthub.app.flow;

import com.slack.api.model.Message;
import io.supporthub.connector.slack.SlackAlertComposer;
import io.supporthub.mail.AcknowledgementMail;
import io.supporthub.mail.OutboundMail;
import io.supporthub.notify.Notification;
import io.supporthub.notify.NotificationStore;
import java.util.List;
import java.util.Map;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;

/** The notify route's steps: claim, render for SMTP or Slack, and record the outcome. */
public class NotificationStep {

    static final int MAX_ATTEMPTS = 12;

    private final NotificationStore store;
    private final AcknowledgementMail acknowledgement;
    private final SlackAlertComposer slackAlerts;
    private final String fromHeader;

    public NotificationStep(NotificationStore store, AcknowledgementMail acknowledgement, SlackAlertComposer slackAlerts, String fromHeader) {
        this.store = store;
        this.acknowledgement = acknowledgement;
        this.slackAlerts = slackAlerts;
        this.fromHeader = fromHeader;
    }

    /** The claimed notification, or null when another instance holds it or it was sent already. */
    public Notification claim(Long id) {
        return store.claim(id).orElse(null);
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
