package io.supporthub.mail.auth;

import java.util.Locale;

/**
 * Whether a mail is from whom its From says, as far as the receiving server's results or the mail's own DKIM signature
 * show, and whether the mailbox's policy trusts the sender for it. One per mail, on its decision record and timeline.
 *
 * @param result pass (the From's domain is proven), fail (it is shown false) or unverified (nothing shows either)
 * @param method how it was reached: {@link #BY_AUTHENTICATION_RESULTS}, {@link #BY_DKIM} or {@link #BY_NOTHING}
 * @param reason what was found, in a sentence, e.g. "dmarc=fail reported by trusted mx.example.com (header.from=acme.example)"
 * @param trusted whether the mailbox's policy trusts the sender: a pass always, fail never, unverified as configured
 */
public record SenderVerdict(Result result, String method, String reason, boolean trusted) {

    public static final String BY_AUTHENTICATION_RESULTS = "authentication-results";
    public static final String BY_DKIM = "dkim";
    public static final String BY_NOTHING = "none";

    public enum Result {
        PASS, FAIL, UNVERIFIED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String code() {
        return result.code();
    }

    /** For a timeline: "fail (restricted): dmarc=fail reported by trusted mx.example.com (header.from=acme.example)". */
    public String describe() {
        return result.code() + (trusted ? "" : " (restricted)") + ": " + reason;
    }
}
