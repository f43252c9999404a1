package io.supporthub.mail.threading;

/** The evidence that ties a mail to a ticket, strongest first; the order is the order they are tried in. */
public enum ThreadSignal {
    SUBJECT_KEY("subject-key", "the ticket key in the subject"),
    MESSAGE_REFERENCE("message-reference", "In-Reply-To/References naming a message of the ticket"),
    FOREIGN_NUMBER("foreign-number", "a helpdesk ticket number linked to the ticket");

    private final String code;
    private final String description;

    ThreadSignal(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
