package io.supporthub.mail.filter;

/**
 * What one intake filter decided about a mail, in the vocabulary shared by every filter and the decision record.
 *
 * @param outcome what happens to the mail
 * @param filter the name of the filter that decided, e.g. {@code automatic-mail}
 * @param reason a sentence a human can read on the ticket timeline
 */
public record MailDecision(Outcome outcome, String filter, String reason) {

    /** The outcomes a filter can reach; only ACCEPT lets the mail go on down the chain. */
    public enum Outcome {
        ACCEPT,
        REJECT_OVERSIZE,
        REJECT_TOO_COMPLEX,
        IGNORE_AUTOMATIC,
        IGNORE_BOUNCE,
        IGNORE_OWN_NOTIFICATION
    }

    public static MailDecision accept(String filter) {
        return new MailDecision(Outcome.ACCEPT, filter, "passed");
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPT;
    }
}
