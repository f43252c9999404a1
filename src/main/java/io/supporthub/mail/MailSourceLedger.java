package io.supporthub.mail;

import io.supporthub.ticket.SourceLedger;
import io.supporthub.ticket.SourceMessage;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mail channel's ledger as intake's hook: a mail that opens a ticket or becomes a comment is recorded in the mail
 * ledger in the same transaction, under its unique message key, with what became of it and why.
 */
public class MailSourceLedger implements SourceLedger {

    public static final String CREATED_TICKET = "created_ticket";
    public static final String APPENDED_COMMENT = "appended_comment";
    private static final String THREADING = "threading";

    private final MailLedger ledger;

    public MailSourceLedger(MailLedger ledger) {
        this.ledger = ledger;
    }

    /** The record a new ticket's mail gets: why it became a ticket. */
    public static MailLedger.Entry openingEntry(TicketDraft draft) {
        Optional<TicketEvent> note = draft.threadingNote();
        return new MailLedger.Entry(receipt(draft.request().source().message()), CREATED_TICKET,
                note.isPresent() ? THREADING : "create-or-append", note.map(TicketEvent::reason).orElse("no existing ticket matched"));
    }

    /** The record a mail appended to a ticket gets. */
    public static MailLedger.Entry replyEntry(MailReceipt mail, String reason) {
        return new MailLedger.Entry(mail, APPENDED_COMMENT, THREADING, reason);
    }

    @Override
    public boolean recordOpening(Connection c, TicketDraft draft) throws SQLException {
        MailLedger.Entry entry = openingEntry(draft);
        return ledger.record(c, entry.receipt(), entry.decision(), entry.decidedBy(), entry.reason());
    }

    @Override
    public Optional<TicketEvent> openingDecision(TicketDraft draft) {
        MailLedger.Entry entry = openingEntry(draft);
        return Optional.of(TicketEvent.of("mail_decision", entry.decidedBy(), CREATED_TICKET + ": " + entry.reason(),
                Map.of("message_key", entry.receipt().messageKey(), "decision", CREATED_TICKET)));
    }

    @Override
    public void linkOpenings(Connection c, List<TicketDraft> drafts, List<Long> ticketIds) throws SQLException {
        Map<String, Long> ticketByMail = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            ticketByMail.put(drafts.get(i).request().source().messageKey(), ticketIds.get(i));
        }
        ledger.attachTickets(c, ticketByMail);
    }

    @Override
    public boolean recordReply(Connection c, SourceMessage message, String reason) throws SQLException {
        return ledger.record(c, receipt(message), APPENDED_COMMENT, THREADING, reason);
    }

    @Override
    public Optional<TicketEvent> replyDecision(SourceMessage message, String signal, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("message_key", message.messageKey());
        payload.put("decision", APPENDED_COMMENT);
        payload.put("signal", signal);
        if (message.senderAuthentication() != null) {
            // the reply's verdict, on the timeline as a new ticket's is in its sender_authentication event
            payload.put("sender_auth", message.senderAuthentication());
            payload.put("sender_trusted", message.senderTrusted());
        }
        return Optional.of(TicketEvent.of("mail_decision", THREADING, APPENDED_COMMENT + ": " + reason, payload));
    }

    @Override
    public void linkReply(Connection c, SourceMessage message, long ticketId, long commentId) throws SQLException {
        ledger.attachComment(c, message.messageKey(), ticketId, commentId);
    }

    private static MailReceipt receipt(SourceMessage message) {
        if (message instanceof MailReceipt receipt) {
            return receipt;
        }
        throw new IllegalArgumentException("the mail ledger records mail, not " + message);
    }
}
