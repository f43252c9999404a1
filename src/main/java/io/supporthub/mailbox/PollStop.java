package io.supporthub.mailbox;

/**
 * Why a poll ends before its mail is worked off, if it does: the mailbox or the database stopped answering, a batch
 * did not finish committing, or the hub is stopping. Shared by the poll and its batches in flight.
 */
final class PollStop {

    private String reason;
    private boolean mailboxFailed;
    private boolean databaseDown;

    /** The first reason wins: it is the one that ended the poll. */
    synchronized void stop(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    synchronized void mailboxFailed(String why) {
        stop(why);
        mailboxFailed = true;
    }

    synchronized void databaseDown(String why) {
        stop(why);
        databaseDown = true;
    }

    synchronized boolean stopped() {
        return reason != null;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized boolean isMailboxFailed() {
        return mailboxFailed;
    }

    synchronized boolean isDatabaseDown() {
        return databaseDown;
    }
}
