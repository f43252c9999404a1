package io.supporthub.mail;

/**
 * A mail's raw bytes as a mailbox delivered them, and where from: what intake reads, and what quarantine keeps.
 *
 * @param mailboxName the configured mailbox's name, or null when not known (a quarantined mail from before several mailboxes)
 * @param address the address that mailbox receives for
 * @param uidValidity the folder's UIDVALIDITY at fetch time, or null when not fetched from a mailbox (a replay)
 * @param uid the message's IMAP UID, or null
 */
public record ReceivedMail(String mailboxName, String address, Long uidValidity, Long uid, byte[] raw) {

    public ReceivedMail {
        raw = raw == null ? new byte[0] : raw;
    }

    @Override
    public String toString() {
        return "mail " + (uid == null ? "" : "uid " + uid + " ") + "of " + (mailboxName == null ? address : mailboxName) + " (" + raw.length + " bytes)";
    }
}
