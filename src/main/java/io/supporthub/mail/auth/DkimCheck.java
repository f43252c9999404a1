package io.supporthub.mail.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;

/**
 * Verifies a mail's DKIM signatures (RFC 6376) with Apache James jDKIM, and judges the ones whose signing domain aligns
 * with the From domain (DMARC relaxed alignment, RFC 7489 §3.1.1): a signature by any other domain proves nothing about
 * the From. A mail signed only by other domains is not verified at all, so it costs no DNS lookup.
 */
final class DkimCheck {

    private final DkimKeys keys;

    DkimCheck(DkimKeys keys) {
        this.keys = keys;
    }

    /**
     * @param raw the mail as received
     * @param signatures the values of its DKIM-Signature fields
     * @param fromDomain the domain of its From address
     */
    Finding check(byte[] raw, List<String> signatures, String fromDomain) {
        List<String> signers = new ArrayList<>();
        boolean anyAligned = false;
        for (String signature : signatures) {
            String d = tags(signature).get("d");
            if (d != null) {
                signers.add(d);
                anyAligned |= OrganizationalDomain.aligned(d, fromDomain);
            }
        }
        if (!anyAligned) {
            return new Finding(SenderVerdict.Result.UNVERIFIED, signers.isEmpty() ? "its DKIM signature names no signing domain"
                    : "signed by " + String.join(", ", signers.stream().limit(3).map(d -> "d=" + d).toList()) + " only, which is not the From domain "
                    + fromDomain);
        }
        DKIMVerifier verifier = new DKIMVerifier(retriever());
        try {
            verifier.verify(new ByteArrayInputStream(raw));
        } catch (FailException noneVerifies) {
            // each signature's own result is in getResults()
        } catch (IOException | RuntimeException unreadable) {
            return new Finding(SenderVerdict.Result.UNVERIFIED, "its DKIM signature could not be checked: " + unreadable.getMessage());
        }
        return judge(verifier.getResults(), fromDomain);
    }

    private static Finding judge(List<Result> results, String fromDomain) {
        Finding temporary = null;
        Finding failed = null;
        for (Result result : results) {
            String d = result.getRecord() == null || result.getRecord().getDToken() == null ? null : result.getRecord().getDToken().toString();
            if (!OrganizationalDomain.aligned(d, fromDomain)) {
                continue;
            }
            String signer = "DKIM signature d=" + d.toLowerCase(Locale.ROOT) + " s=" + result.getRecord().getSelector();
            switch (result.getResultType()) {
                case PASS -> {
                    return new Finding(SenderVerdict.Result.PASS, signer + " verifies and aligns with the From domain " + fromDomain);
                }
                case TEMPERROR -> temporary = new Finding(SenderVerdict.Result.UNVERIFIED, signer + " could not be checked now (temperror): "
                        + result.getErrorMessage());
                case FAIL -> failed = new Finding(SenderVerdict.Result.FAIL, signer + " does not verify: " + result.getErrorMessage());
                default -> {
                    // a signature jDKIM could not tie to a record (permerror without one) names no domain to align
                }
            }
        }
        if (temporary != null) {
            return temporary;
        }
        return failed != null ? failed : new Finding(SenderVerdict.Result.UNVERIFIED, "its DKIM signatures could not be read");
    }

    /** Keys through {@link DkimKeys}; DKIM names no other lookup method than DNS TXT. */
    private PublicKeyRecordRetriever retriever() {
        return (method, selector, domain) -> {
            if (!"dns/txt".contentEquals(method)) {
                throw new PermFailException("only dns/txt key lookups exist, not " + method);
            }
            try {
                return keys.records(selector.toString(), domain.toString());
            } catch (DkimKeys.LookupFailed e) {
                throw new TempFailException(e.getMessage());
            }
        };
    }

    /** The tags of a DKIM-Signature value (RFC 6376 §3.2), blanks removed from the values. */
    static Map<String, String> tags(String signature) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : signature.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).replaceAll("\\s+", ""));
            }
        }
        return tags;
    }
}
