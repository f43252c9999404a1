package io.supporthub.ticket;

/**
 * The identity of one received mail: what makes a second delivery of it recognisable.
 *
 * @param messageKey the Message-ID, or "sha256:&lt;hash of the raw bytes&gt;" when the mail has none
 * @param messageId the Message-ID without angle brackets, or null
 */
public record MailReceipt(String mailbox, String messageKey, String messageId, String rawSha256, int rawSize) {
}
