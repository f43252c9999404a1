package io.supporthub.ticket;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file as it arrived with a mail, before it is stored.
 *
 * @param filename decoded file name, or null when the sender gave none
 * @param contentType lower-case MIME type
 * @param size decoded size in bytes, also when the bytes were not kept
 * @param contentId Content-ID without angle brackets, which {@code cid:} links in the HTML name, or null
 * @param inline true for a part shown in the body (an inline image) rather than offered as a file
 * @param origin how it was found: a part of the mail, unpacked from winmail.dat, or inside a forwarded message
 * @param content the decoded bytes, or null when the reader dropped them for the attachment limit
 */
public record IncomingAttachment(String filename, String contentType, long size, String contentId, boolean inline,
                                 Origin origin, byte[] content) {

    /** How an attachment was found; stored as its lower-case name. */
    public enum Origin {
        MAIL, TNEF, FORWARDED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public IncomingAttachment {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean contentKept() {
        return content != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IncomingAttachment a && Objects.equals(filename, a.filename) && contentType.equals(a.contentType)
                && size == a.size && Objects.equals(contentId, a.contentId) && inline == a.inline && origin == a.origin
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, contentType, size, contentId, inline, origin) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "IncomingAttachment[" + filename + ", " + contentType + ", " + size + " bytes, " + origin.code()
                + (inline ? ", inline" : "") + (content == null ? ", bytes not kept" : "") + "]";
    }
}
