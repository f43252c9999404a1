package io.supporthub.mail.mime;

/**
 * Bounds on what {@link MimeReader} will unpack, so hostile or broken mail costs bounded time and memory.
 *
 * @param maxTotalBytes raw size above which only the header block is read
 * @param maxParts MIME entities (including nested messages and TNEF contents) walked before stopping
 * @param maxDepth nesting of multiparts and enclosed messages walked before stopping
 * @param maxAttachmentBytes decoded size above which an attachment keeps its metadata but not its bytes
 */
public record MimeLimits(long maxTotalBytes, int maxParts, int maxDepth, long maxAttachmentBytes) {

    public MimeLimits {
        if (maxTotalBytes <= 0 || maxParts <= 0 || maxDepth <= 0 || maxAttachmentBytes <= 0) {
            throw new IllegalArgumentException("mime limits must be positive");
        }
    }

    /** 25 MB is what Gmail and Microsoft 365 accept; Zammad's default is 10 MB (anchors.md, ZM5). */
    public static MimeLimits defaults() {
        return new MimeLimits(25L * 1024 * 1024, 500, 20, 20L * 1024 * 1024);
    }
}
