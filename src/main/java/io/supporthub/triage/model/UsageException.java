package io.supporthub.triage.model;

/** A command was given arguments it cannot run with; the message tells the user what to change. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
