package io.supporthub.app.flow;

import io.supporthub.mail.InboundMail;
import io.supporthub.mail.ReceivedMail;
import io.supporthub.mail.threading.ThreadMatch;
import io.supporthub.mailbox.MailIntake;
import io.supporthub.mailbox.MailPreparation;
import io.supporthub.mailbox.MailboxSettings;
import io.supporthub.mailbox.PreparedMail;
import io.supporthub.ticket.TicketDraft;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;

/**
 * The mail routes' steps for one mail (bean {@code mailIntakeStep}): they own the exchange side (which header or
 * property holds what) and leave the work to {@link MailPreparation} — read, decide the path, prepare, commit one,
 * quarantine.
 */
public class MailPreparationStep {

    private final MailPreparation preparation;

    public MailPreparationStep(MailPreparation preparation) {
        this.preparation = preparation;
    }

    public InboundMail read(ReceivedMail mail) {
        return preparation.read(mail);
    }

    /**
     * Sets property {@code hubMailPath} (and {@code hubThread} for mail threading looked at). A mail without a batch
     * (property {@code hubMailBatch}) goes alone; one with {@code hubReleaseHeld} is released from quarantine.
     */
    public void decidePath(InboundMail mail, @ExchangeProperties Map<String, Object> properties) {
        MailPreparation.MailPath path = preparation.decidePath(mail, !properties.containsKey(PropertyNames.MAIL_BATCH),
                properties.get(PropertyNames.RELEASE_HELD) != null);
        if (path.thread() != null) {
            properties.put(PropertyNames.THREAD, path.thread());
        }
        properties.put(PropertyNames.MAIL_PATH, path.name());
    }

    public PreparedMail recorded(InboundMail mail) {
        return preparation.recorded(mail);
    }

    public PreparedMail reply(InboundMail mail, @ExchangeProperty(PropertyNames.THREAD) ThreadMatch match) {
        return preparation.reply(mail, match);
    }

    /** The draft; the mailbox's defaults go into the headers triage and the router read. */
    public TicketDraft draft(InboundMail mail, @ExchangeProperty(PropertyNames.THREAD) ThreadMatch match, @Headers Map<String, Object> headers) {
        preparation.mailboxOf(mail).ifPresent(mailbox -> putMailboxDefaults(mailbox, headers));
        return preparation.draft(mail, match);
    }

    /** A mailbox's defaults as the headers triage (category hint) and the router (queue) read. */
    static void putMailboxDefaults(MailboxSettings mailbox, Map<String, Object> headers) {
        headers.put(HeaderNames.MAILBOX_ADDRESS, mailbox.address());
        if (mailbox.categoryHint() != null) {
            headers.put(HeaderNames.CATEGORY_HINT, mailbox.categoryHint());
        }
        if (mailbox.queue() != null) {
            headers.put(HeaderNames.MAILBOX_QUEUE, mailbox.queue());
        }
    }

    public PreparedMail newTicket(TicketDraft routed, @ExchangeProperty(PropertyNames.INBOUND_MAIL) InboundMail mail,
                                  @ExchangeProperty(PropertyNames.RECEIVED_MAIL) ReceivedMail received,
                                  @ExchangeProperty(PropertyNames.RELEASE_HELD) Long releasedFrom) {
        return preparation.newTicket(routed, mail, received, releasedFrom);
    }

    public PreparedMail decision(InboundMail mail) {
        return preparation.decision(mail);
    }

    /** Commits one prepared mail; the body becomes a line for the log, the notifications header {@code hubNotifications}. */
    public String commit(PreparedMail mail, @Headers Map<String, Object> headers) {
        MailIntake.Outcome outcome = preparation.commit(mail);
        headers.put(HeaderNames.NOTIFICATIONS, outcome.notificationIds());
        return outcome.description();
    }

    /** The error policy's test: a database error that no retry can cure. */
    public boolean refusedData(Exception error) {
        return preparation.refusedData(error);
    }

    /** The error policy's last step: the mail and the error into quarantine; returns the quarantine id. */
    public long quarantine(@ExchangeProperty(PropertyNames.RECEIVED_MAIL) ReceivedMail mail,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        return preparation.quarantine(mail, error);
    }
}
