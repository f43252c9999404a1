package io.supporthub.mail;

/** A mail the hub cannot turn into a ticket; it goes to quarantine with this message. */
public class UnreadableMailException extends RuntimeException {

    public UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
