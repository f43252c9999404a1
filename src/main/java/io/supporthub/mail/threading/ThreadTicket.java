package io.supporthub.mail.threading;

/**
 * The little threading needs to know about a ticket a signal pointed at.
 *
 * @param status the ticket status code, e.g. {@code solved}
 */
public record ThreadTicket(long id, String key, String status) {

    /** A closed ticket takes no more mail; a reply to it opens a follow-up ticket instead. */
    public boolean closed() {
        return "closed".equals(status);
    }
}
