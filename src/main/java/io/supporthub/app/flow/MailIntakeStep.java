package io.supporthub.app.flow;

import io.supporthub.mail.InboundMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.filter.MailDecision;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.intake.ReplyIntake;
import io.supporthub.intake.TicketIntake;
import io.supporthub.mail.UnreadableMailException;
import io.supporthub.mail.mime.ParsedMail;
import io.supporthub.mail.mime.ReplyTextExtractor;
import io.supporthub.mail.threading.MailThreader;
import io.supporthub.mail.threading.ThreadMatch;
import io.supporthub.mail.threading.ThreadTicket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.camel.ExchangeProperty;

/** The mailbox route's steps: raw bytes, reading, the early duplicate check, threading, appending replies, and quarantine. */
public class MailIntakeStep {

    private final String mailbox;
    private final InboundMailReader reader;
    private final MailLedger ledger;
    private final MailQuarantine quarantine;
    private final MailThreader threader;
    private final ReplyIntake replies;

    public MailIntakeStep(String mailbox, InboundMailReader reader, MailLedger ledger, MailQuarantine quarantine,
                          MailThreader threader, ReplyIntake replies) {
        this.mailbox = mailbox;
        this.reader = reader;
        this.ledger = ledger;
        this.quarantine = quarantine;
        this.threader = threader;
        this.replies = replies;
    }

    /** The message exactly as the server holds it (fetched with BODY.PEEK, so it stays unseen until we commit). */
    public byte[] rawBytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint(message));
        message.writeTo(out);
        return out.toByteArray();
    }

    /**
     * Only a hint: the size comes with the IMAP ENVELOPE, which a server may fail to build for a broken
     * mail; that mail must still be copied whole, or its quarantine row would hold nothing to replay.
     */
    private static int sizeHint(Message message) {
        try {
            return Math.max(message.getSize(), 1024);
        } catch (MessagingException | RuntimeException e) {
            return 64 * 1024;
        }
    }

    public InboundMail read(@ExchangeProperty("hubRawMail") byte[] raw) {
        return reader.read(mailbox, raw);
    }

    /** A held mail being released is recorded, as held; it must run through intake all the same. */
    public boolean alreadyRecorded(InboundMail mail, @ExchangeProperty("hubReleaseHeld") Long releasing) {
        String key = mail.receipt().messageKey();
        return ledger.isRecorded(key) && (releasing == null || !ledger.isHeld(key));
    }

    public boolean accepted(InboundMail mail) {
        return mail.accepted();
    }

    /** Threading runs only for mail the filters let through; what they stopped is never a comment either. */
    public ThreadMatch thread(InboundMail mail) {
        return mail.accepted() ? threader.decide(mail.parsed()) : ThreadMatch.newTicket();
    }

    public boolean threaded(@ExchangeProperty("hubThread") ThreadMatch match) {
        return match != null && match.appends();
    }

    /** Appends the reply to its ticket; the body becomes a line for the log. */
    public String append(InboundMail mail, @ExchangeProperty("hubThread") ThreadMatch match) {
        if (mail.parsed().sender() == null) {
            throw new UnreadableMailException("mail has no readable From address", null);
        }
        String text = mail.parsed().textBody().strip();
        ReplyIntake.Reply reply = new ReplyIntake.Reply(mail.parsed().sender().address().toLowerCase(Locale.ROOT),
                ReplyTextExtractor.extract(text), text, mail.parsed().sanitizedHtml(), mail.content().attachments());
        Long comment = replies.append(mail.receipt(), match.ticket().id(), match.signal().code(), match.reason(), reply);
        return comment == null ? "duplicate delivery; " + match.ticket().key() + " has this reply already"
                : "comment " + comment + " added to " + match.ticket().key() + ": " + match.reason();
    }

    /** A new ticket; when a signal pointed at a ticket the mail could not join, the draft carries that note to the timeline. */
    public TicketDraft draft(InboundMail mail, @ExchangeProperty("hubThread") ThreadMatch match) {
        TicketDraft draft = TicketDraft.of(mail.toIntakeRequest());
        if (match == null || match.note() == null) {
            return draft;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("related_ticket", match.ticket().key());
        payload.put("signal", match.signal().code());
        if (match.kind() == ThreadMatch.Kind.FOLLOW_UP_OF_CLOSED) {
            payload.put("related_ticket_id", match.ticket().id());
        }
        List<TicketEvent> events = new ArrayList<>(draft.events());
        events.add(TicketEvent.of(TicketIntake.THREADING_NOTE, "threading", match.note(), payload));
        return new TicketDraft(draft.request(), draft.customer(), draft.classification(), draft.routing(), events);
    }

    /** Records why a filter stopped the mail; the body becomes that reason, for the log. */
    public String recordDecision(InboundMail mail) {
        MailDecision decision = mail.decision();
        // Threading only links here: whatever ticket the mail answers learns of it, but nothing is appended or sent.
        ThreadTicket answered = answeredTicket(mail.parsed());
        ledger.recordDecision(mail.receipt(), decision.outcome().name().toLowerCase(java.util.Locale.ROOT), decision.filter(), decision.reason(),
                answered == null ? null : answered.id());
        return decision.filter() + ": " + decision.reason();
    }

    /** The ticket a stopped mail answers, by its own signals or, for a bounce, by the returned original it encloses. */
    private ThreadTicket answeredTicket(ParsedMail parsed) {
        List<ParsedMail> candidates = new ArrayList<>();
        candidates.add(parsed);
        candidates.addAll(parsed.forwarded());
        for (ParsedMail candidate : candidates) {
            ThreadTicket ticket = candidate.sender() == null ? null : threader.decide(candidate).ticket();
            if (ticket != null) {
                return ticket;
            }
        }
        return null;
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
