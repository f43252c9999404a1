package io.supporthub.mail.filter;

import io.supporthub.mail.mime.LimitBreach;
import io.supporthub.mail.mime.ParsedMail;

/** Rejects mail the reader could not unpack within its limits: too big, too many parts, or nested too deep. */
public final class OversizeFilter implements MailFilter {

    public static final String NAME = "oversize";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MailDecision decide(ParsedMail mail) {
        if (mail.limitBreaches().contains(LimitBreach.TOTAL_SIZE)) {
            return new MailDecision(MailDecision.Outcome.REJECT_OVERSIZE, NAME,
                    "mail is " + mail.rawSize() + " bytes, over the size limit");
        }
        if (mail.limitBreaches().contains(LimitBreach.PART_COUNT)
                || mail.limitBreaches().contains(LimitBreach.NESTING_DEPTH)) {
            // A half-read mail would make a misleading ticket; the raw bytes go to quarantine instead.
            return new MailDecision(MailDecision.Outcome.REJECT_TOO_COMPLEX, NAME,
                    "mail has too many parts or is nested too deep: " + mail.limitBreaches());
        }
        // An attachment over the limit alone is not a reason to refuse: the ticket notes the dropped file.
        return MailDecision.accept(NAME);
    }
}
