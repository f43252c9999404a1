package io.supporthub.ticket.attachment;

/**
 * How many attachment bytes the hub keeps.
 *
 * @param maxAttachmentBytes one attachment larger than this keeps its metadata, not its bytes
 * @param maxBytesPerMail new bytes one mail may add to its ticket; attachments beyond it keep their metadata only
 */
public record AttachmentLimits(long maxAttachmentBytes, long maxBytesPerMail) {

    public AttachmentLimits {
        if (maxAttachmentBytes <= 0 || maxBytesPerMail <= 0) {
            throw new IllegalArgumentException("attachment limits must be positive");
        }
    }

    /** 20 MB per file, as the MIME reader's default; 25 MB per mail, what Gmail and Microsoft 365 accept as a whole mail. */
    public static AttachmentLimits defaults() {
        return new AttachmentLimits(20L * 1024 * 1024, 25L * 1024 * 1024);
    }
}
