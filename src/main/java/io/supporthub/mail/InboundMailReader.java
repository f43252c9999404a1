package io.supporthub.mail;

import io.supporthub.mail.auth.SenderAuthentication;
import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.mail.auth.SenderVerdict;
import io.supporthub.mail.filter.MailDecision;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.mail.mime.ParsedMail;

/** Reads a received mail's raw bytes, runs the ordered intake filters over it, and judges who it is from. */
public class InboundMailReader {

    private final MimeLimits limits;
    private final MailFilterChain filters;
    private final SenderAuthentication authentication;

    /** A reader that only reads and filters: its receipts carry no verdict (e.g. to learn a quarantined mail's key). */
    public InboundMailReader(MimeLimits limits, MailFilterChain filters) {
        this(limits, filters, null);
    }

    public InboundMailReader(MimeLimits limits, MailFilterChain filters, SenderAuthentication authentication) {
        this.limits = limits;
        this.filters = filters;
        this.authentication = authentication;
    }

    public InboundMail read(String mailbox, byte[] raw) {
        return read(new ReceivedMail(null, mailbox, null, null, raw));
    }

    /** As above, and the receipt remembers which mailbox and which UID the mail came from. */
    public InboundMail read(ReceivedMail mail) {
        return read(mail, null);
    }

    /**
     * As above, and the receipt carries the verdict on its sender under the mailbox's policy (none when {@code policy} is
     * null or this reader does not authenticate). A mail the filters stop gets a verdict too, without a DKIM lookup.
     */
    public InboundMail read(ReceivedMail mail, SenderPolicy policy) {
        byte[] raw = mail.raw();
        ParsedMail parsed = MimeReader.read(raw, limits);
        MailDecision decision = filters.decide(parsed);
        SenderVerdict sender = authentication == null || policy == null ? null : authentication.judge(parsed, raw, policy, decision.accepted());
        String key = parsed.messageId() != null && !parsed.messageId().isBlank() ? parsed.messageId() : "sha256:" + parsed.sha256();
        MailReceipt receipt = new MailReceipt(mail.address(), key, parsed.messageId(), parsed.sha256(), raw.length, mail.mailboxName(),
                mail.uidValidity(), mail.uid(), sender);
        return new InboundMail(parsed, receipt, decision);
    }
}
