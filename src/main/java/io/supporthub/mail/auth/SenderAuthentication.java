package io.supporthub.mail.auth;

import io.supporthub.mail.mime.MailAddress;
import io.supporthub.mail.mime.ParsedMail;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges who a mail is from. The receiving server's Authentication-Results come first, when it is one the mailbox
 * trusts ({@link StampedResults}); where they decide nothing, the mail's own DKIM signatures are verified
 * ({@link DkimCheck}); where neither shows anything, the sender is unverified. The headers were read once already
 * (ParsedMail); DNS is asked only for a mail with a signature aligned with its From.
 */
public class SenderAuthentication {

    private final DkimCheck dkim;

    public SenderAuthentication(DkimKeys keys) {
        this.dkim = new DkimCheck(keys);
    }

    /**
     * @param raw the mail as received, for its DKIM signatures
     * @param checkSignatures false for mail intake will not take in (a bounce, an auto-reply): its signatures are not worth a lookup
     */
    public SenderVerdict judge(ParsedMail mail, byte[] raw, SenderPolicy policy, boolean checkSignatures) {
        MailAddress from = mail.sender();
        String fromDomain = from == null ? null : OrganizationalDomain.domainOf(from.address());
        if (fromDomain == null || fromDomain.isBlank() || !from.address().contains("@")) {
            return verdict(policy, SenderVerdict.Result.UNVERIFIED, SenderVerdict.BY_NOTHING, "the mail has no From address to authenticate");
        }
        StampedResults stamped = StampedResults.of(mail.headers(), policy.trustedAuthservIds());
        List<String> notes = new ArrayList<>();
        if (!stamped.isEmpty()) {
            Finding server = ServerResults.judge(stamped, fromDomain);
            if (server.decides()) {
                return verdict(policy, server.result(), SenderVerdict.BY_AUTHENTICATION_RESULTS, server.reason());
            }
            notes.add(server.reason());
        } else {
            notes.add("no Authentication-Results from a trusted server" + (stamped.untrusted().isEmpty() ? ""
                    : " (ignored those of " + String.join(", ", stamped.untrusted()) + ", not trusted by this mailbox)"));
        }
        List<String> signatures = mail.headers().all("DKIM-Signature");
        if (signatures.isEmpty()) {
            notes.add("no DKIM signature");
        } else if (!checkSignatures) {
            notes.add("DKIM signature not checked: intake does not take this mail in");
        } else {
            Finding signed = dkim.check(raw, signatures, fromDomain);
            if (signed.decides()) {
                return verdict(policy, signed.result(), SenderVerdict.BY_DKIM, signed.reason());
            }
            notes.add(signed.reason());
        }
        return verdict(policy, SenderVerdict.Result.UNVERIFIED, SenderVerdict.BY_NOTHING, String.join("; ", notes));
    }

    private static SenderVerdict verdict(SenderPolicy policy, SenderVerdict.Result result, String method, String reason) {
        return new SenderVerdict(result, method, reason, policy.trusts(result));
    }
}
