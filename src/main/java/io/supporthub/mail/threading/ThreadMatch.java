package io.supporthub.mail.threading;

/**
 * What threading concluded about one mail.
 *
 * @param kind what to do with the mail
 * @param ticket the ticket a signal pointed at, or null for {@link Kind#NEW_TICKET}
 * @param signal the signal that pointed at it, or null
 * @param reason a sentence for the decision record and the timeline
 */
public record ThreadMatch(Kind kind, ThreadTicket ticket, ThreadSignal signal, String reason) {

    public enum Kind {
        /** No signal found a ticket: the mail opens a new one. */
        NEW_TICKET,
        /** A signal found a ticket the sender belongs to: the mail becomes a comment on it. */
        APPEND,
        /** A signal found a ticket, but the sender is not on it: a new ticket with a note, never a comment. */
        NOT_PARTICIPANT,
        /** A signal found a closed ticket of the sender: a new ticket that names the old one. */
        FOLLOW_UP_OF_CLOSED,
        /**
         * A signal found a ticket the From address belongs to, but the sender is not authenticated and named no message the
         * hub sent: a new ticket with a note, never a comment.
         */
        SENDER_NOT_AUTHENTICATED
    }

    public static ThreadMatch newTicket() {
        return new ThreadMatch(Kind.NEW_TICKET, null, null, "no existing ticket matched");
    }

    public boolean appends() {
        return kind == Kind.APPEND;
    }

    /** The note a new ticket carries when a signal pointed elsewhere, or null when none did. */
    public String note() {
        return kind == Kind.NOT_PARTICIPANT || kind == Kind.FOLLOW_UP_OF_CLOSED || kind == Kind.SENDER_NOT_AUTHENTICATED ? reason : null;
    }
}
