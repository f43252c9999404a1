package io.supporthub.mail.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a trusted receiving server's results say of the From domain. The server's DMARC result decides when it gave one
 * for this From domain; otherwise a DKIM or SPF pass for an aligned domain proves the From (what DMARC itself would
 * check), an aligned DKIM or SPF failure with no aligned pass shows it false, and anything else decides nothing.
 */
final class ServerResults {

    private ServerResults() {
    }

    static Finding judge(StampedResults stamped, String fromDomain) {
        Optional<StampedResults.Reported> dmarc = stamped.first("dmarc");
        List<String> seen = new ArrayList<>();
        if (dmarc.isPresent()) {
            AuthenticationResults.MethodResult result = dmarc.get().result();
            String headerFrom = result.property("header.from");
            String described = "dmarc=" + result.result() + " reported by trusted " + dmarc.get().authservId()
                    + " (header.from=" + (headerFrom == null ? fromDomain : headerFrom) + ")";
            if (headerFrom != null && !OrganizationalDomain.domainOf(headerFrom).equals(fromDomain)) {
                seen.add(described + ", which is not this mail's From domain " + fromDomain);
            } else if (result.result().equals("pass")) {
                return new Finding(SenderVerdict.Result.PASS, described);
            } else if (result.result().equals("fail")) {
                return new Finding(SenderVerdict.Result.FAIL, described);
            } else {
                seen.add(described);
            }
        }
        List<Finding> aligned = new ArrayList<>();
        for (StampedResults.Reported dkim : stamped.allOfTopmost("dkim")) {
            String d = dkim.result().property("header.d");
            String signer = d != null ? d : OrganizationalDomain.domainOf(dkim.result().property("header.i"));
            aligned(dkim, "header.d=" + signer, signer, fromDomain, seen).ifPresent(aligned::add);
        }
        Optional<StampedResults.Reported> spf = stamped.first("spf");
        if (spf.isPresent()) {
            String mailFrom = spf.get().result().property("smtp.mailfrom");
            aligned(spf.get(), "smtp.mailfrom=" + mailFrom, OrganizationalDomain.domainOf(mailFrom), fromDomain, seen).ifPresent(aligned::add);
        }
        Optional<Finding> pass = aligned.stream().filter(f -> f.result() == SenderVerdict.Result.PASS).findFirst();
        if (pass.isPresent()) {
            return pass.get();
        }
        if (!aligned.isEmpty()) {
            return aligned.get(0);
        }
        return new Finding(SenderVerdict.Result.UNVERIFIED, seen.isEmpty() ? "trusted Authentication-Results name no DMARC, DKIM or SPF result"
                : "trusted results prove nothing of the From domain " + fromDomain + ": " + String.join(", ", seen));
    }

    /** An aligned pass or failure, or nothing (the result is noted among what was seen). */
    private static Optional<Finding> aligned(StampedResults.Reported reported, String property, String domain, String fromDomain, List<String> seen) {
        String result = reported.result().result();
        String described = reported.result().method() + "=" + result + " " + property + " reported by trusted " + reported.authservId();
        if (!OrganizationalDomain.aligned(domain, fromDomain)) {
            seen.add(reported.result().method() + "=" + result + " " + property);
            return Optional.empty();
        }
        if (result.equals("pass")) {
            return Optional.of(new Finding(SenderVerdict.Result.PASS, described + ", aligned with the From domain " + fromDomain));
        }
        if (result.equals("fail") || result.equals("softfail")) {
            return Optional.of(new Finding(SenderVerdict.Result.FAIL, described + ", aligned with the From domain " + fromDomain));
        }
        seen.add(reported.result().method() + "=" + result + " " + property);
        return Optional.empty();
    }
}
