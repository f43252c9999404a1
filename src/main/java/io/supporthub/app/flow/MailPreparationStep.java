package io.supporthub.app.flow;

import io.supporthub.mail.InboundMail;
import io.supporthub.mail.ReceivedMail;
import io.supporthub.mail.threading.ThreadMatch;
import io.supporthub.mailbox.MailPreparation;
import io.supporthub.mailbox.PreparedMail;
import io.supporthub.ticket.TicketDraft;
import java.util.Map;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;

/**
 * The mail routes' steps for one mail (bean {@code mailIntakeStep}): they read the exchange and leave the work to
 * {@link MailPreparation} — read, decide the path, prepare, commit one, quarantine.
 */
public class MailPreparationStep {

    private final MailPreparation preparation;

    public MailPreparationStep(MailPreparation preparation) {
        this.preparation = preparation;
    }

    public InboundMail read(ReceivedMail mail) {
        return preparation.read(mail);
    }

    /** Sets property {@code hubMailPath} (and {@code hubThread} for mail threading looked at). */
    public void decidePath(InboundMail mail, @ExchangeProperties Map<String, Object> properties) {
        preparation.decidePath(mail, properties);
    }

    public PreparedMail recorded(InboundMail mail) {
        return preparation.recorded(mail);
    }

    public PreparedMail reply(InboundMail mail, @ExchangeProperty("hubThread") ThreadMatch match) {
        return preparation.reply(mail, match);
    }

    /** The draft; the mailbox's defaults go into the headers triage and the router read. */
    public TicketDraft draft(InboundMail mail, @ExchangeProperty("hubThread") ThreadMatch match, @Headers Map<String, Object> headers) {
        return preparation.draft(mail, match, headers);
    }

    public PreparedMail newTicket(TicketDraft routed, @ExchangeProperty("hubInboundMail") InboundMail mail,
                                  @ExchangeProperty("hubReceivedMail") ReceivedMail received,
                                  @ExchangeProperty(MailPreparation.RELEASE_HELD) Long releasedFrom) {
        return preparation.newTicket(routed, mail, received, releasedFrom);
    }

    public PreparedMail decision(InboundMail mail) {
        return preparation.decision(mail);
    }

    /** Commits one prepared mail; the body becomes a line for the log, the notifications header {@code hubNotifications}. */
    public String commit(PreparedMail mail, @Headers Map<String, Object> headers) {
        return preparation.commit(mail, headers);
    }

    /** The error policy's test: a database error that no retry can cure. */
    public boolean refusedData(Exception error) {
        return preparation.refusedData(error);
    }

    /** The error policy's last step: the mail and the error into quarantine; returns the quarantine id. */
    public long quarantine(@ExchangeProperty("hubReceivedMail") ReceivedMail mail, @ExchangeProperty("CamelExceptionCaught") Exception error) {
        return preparation.quarantine(mail, error);
    }
}
