package io.supporthub.mail;

import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.mail.mime.ParsedMail;

/** Reads a received mail's raw bytes and runs the ordered intake filters over it. */
public class InboundMailReader {

    private final MimeLimits limits;
    private final MailFilterChain filters;

    public InboundMailReader(MimeLimits limits, MailFilterChain filters) {
        this.limits = limits;
        this.filters = filters;
    }

    public InboundMail read(String mailbox, byte[] raw) {
        return read(new ReceivedMail(null, mailbox, null, null, raw));
    }

    /** As above, and the receipt remembers which mailbox and which UID the mail came from. */
    public InboundMail read(ReceivedMail mail) {
        byte[] raw = mail.raw();
        ParsedMail parsed = MimeReader.read(raw, limits);
        String key = parsed.messageId() != null && !parsed.messageId().isBlank() ? parsed.messageId() : "sha256:" + parsed.sha256();
        MailReceipt receipt = new MailReceipt(mail.address(), key, parsed.messageId(), parsed.sha256(), raw.length, mail.mailboxName(),
                mail.uidValidity(), mail.uid());
        return new InboundMail(parsed, receipt, filters.decide(parsed));
    }
}
