package io.supporthub.mail.mime;

/**
 * A file carried by a mail: decoded name, type, decoded size and the bytes when within the attachment limit.
 *
 * @param filename decoded file name, or null when the sender gave none
 * @param contentType lower-case MIME type, e.g. {@code image/png}
 * @param size decoded size in bytes, also when the bytes were not kept
 * @param contentId Content-ID without angle brackets (for {@code cid:} references), or null
 * @param inline true for parts shown in the body (inline images) rather than offered as files
 * @param fromTnef true when unpacked from a winmail.dat (TNEF) part
 */
public record MailAttachment(String filename, String contentType, long size, String contentId,
        boolean inline, boolean fromTnef, byte[] content) {

    /** The bytes, or null when the attachment exceeded {@link MimeLimits#maxAttachmentBytes()}. */
    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    public boolean contentKept() {
        return content != null;
    }

    @Override
    public String toString() {
        return "MailAttachment[" + filename + ", " + contentType + ", " + size + " bytes"
                + (inline ? ", inline" : "") + (fromTnef ? ", from TNEF" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAttachment a && java.util.Objects.equals(filename, a.filename)
                && contentType.equals(a.contentType) && size == a.size
                && java.util.Objects.equals(contentId, a.contentId) && inline == a.inline
                && fromTnef == a.fromTnef && java.util.Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(filename, contentType, size, contentId, inline, fromTnef)
                * 31 + java.util.Arrays.hashCode(content);
    }
}
