package io.supporthub.notify;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which per-recipient allowance of automatic mail a message draws on: {@code smtp.cap.per-recipient} counts each one apart,
 * so a run of acknowledgements cannot use up what a person wrote or asked for, and acknowledgements of mail forged in a
 * customer's name cannot use up the acknowledgements of the customer's own mail.
 */
public enum MailAllowance {
    /** Acknowledgements of mail whose sender is authenticated (or trusted by the mailbox's policy). */
    ACKNOWLEDGEMENT("acknowledgement"),
    /** Acknowledgements of mail merely claiming the recipient's address. */
    UNAUTHENTICATED_ACKNOWLEDGEMENT("acknowledgement-unauthenticated"),
    /** Mail a person wrote or asked for: the satisfaction follow-up after an agent solved the ticket. */
    REQUESTED("requested");

    private final String code;

    MailAllowance(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MailAllowance fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mail allowance " + code));
    }
}
