package io.supporthub.app.flow;

import io.supporthub.mail.InboundMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.filter.MailDecision;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.ticket.TicketDraft;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.camel.ExchangeProperty;

/** The mailbox route's steps: raw bytes, reading, the early duplicate check, and quarantine. */
public class MailIntakeStep {

    private final String mailbox;
    private final InboundMailReader reader;
    private final MailLedger ledger;
    private final MailQuarantine quarantine;

    public MailIntakeStep(String mailbox, InboundMailReader reader, MailLedger ledger, MailQuarantine quarantine) {
        this.mailbox = mailbox;
        this.reader = reader;
        this.ledger = ledger;
        this.quarantine = quarantine;
    }

    /** The message exactly as the server holds it (fetched with BODY.PEEK, so it stays unseen until we commit). */
    public byte[] rawBytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        message.writeTo(out);
        return out.toByteArray();
    }

    public InboundMail read(@ExchangeProperty("hubRawMail") byte[] raw) {
        return reader.read(mailbox, raw);
    }

    public boolean alreadyRecorded(InboundMail mail) {
        return ledger.isRecorded(mail.receipt().messageKey());
    }

    public boolean accepted(InboundMail mail) {
        return mail.accepted();
    }

    public TicketDraft draft(InboundMail mail) {
        return TicketDraft.of(mail.toIntakeRequest());
    }

    /** Records why a filter stopped the mail; the body becomes that reason, for the log. */
    public String recordDecision(InboundMail mail) {
        MailDecision decision = mail.decision();
        ledger.recordDecision(mail.receipt(), decision.outcome().name().toLowerCase(java.util.Locale.ROOT), decision.filter(), decision.reason());
        return decision.filter() + ": " + decision.reason();
    }

    /** Keeps an unprocessable mail with its error; the mail is then flagged seen, so it is not fetched again. */
    public long quarantine(@ExchangeProperty("hubRawMail") byte[] raw, @ExchangeProperty("CamelExceptionCaught") Exception error) {
        return quarantine.store(mailbox, raw == null ? new byte[0] : raw, describe(error));
    }

    /** The innermost cause is the one an admin can act on; Camel's wrappers say only which exchange failed. */
    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
