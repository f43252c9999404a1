package io.supporthub.mail;

import io.supporthub.mail.auth.SenderVerdict;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.SourceMessage;

/**
 * The identity of one received mail: what makes a second delivery of it recognisable, and where it was.
 *
 * @param mailbox the address the mailbox receives for
 * @param messageKey the Message-ID, or "sha256:&lt;hash of the raw bytes&gt;" when the mail has none
 * @param messageId the Message-ID without angle brackets, or null
 * @param mailboxName the configured mailbox it was fetched from, or null (a replay of a mail quarantined before that was known)
 * @param uidValidity the folder's UIDVALIDITY when it was fetched, or null
 * @param uid its IMAP UID within that UIDVALIDITY, or null
 * @param sender who the mail is from as far as authentication shows; intake always judges it, and only a receipt made
 *               outside intake (a key looked up for a replay, a test's) has none, which counts as trusted
 */
public record MailReceipt(String mailbox, String messageKey, String messageId, String rawSha256, int rawSize, String mailboxName,
                          Long uidValidity, Long uid, SenderVerdict sender) implements SourceMessage {

    public MailReceipt(String mailbox, String messageKey, String messageId, String rawSha256, int rawSize) {
        this(mailbox, messageKey, messageId, rawSha256, rawSize, null, null, null, null);
    }

    @Override
    public boolean senderTrusted() {
        return sender == null || sender.trusted();
    }

    @Override
    public String senderAuthentication() {
        return sender == null ? null : sender.code();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }
}
