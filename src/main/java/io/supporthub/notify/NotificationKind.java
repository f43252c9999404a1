package io.supporthub.notify;

import java.util.Locale;

/** The kinds of message the hub sends once a change has committed. */
public enum NotificationKind {
    ACKNOWLEDGEMENT_MAIL, SLACK_ALERT, SATISFACTION_MAIL;

    /** Mail to the customer, which the loop caps count. */
    public boolean isMail() {
        return this != SLACK_ALERT;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
