package io.supporthub.mail.auth;

import java.util.List;

/**
 * Where DKIM public keys come from: the TXT records at {@code <selector>._domainkey.<domain>} (RFC 6376 §3.6.2). DNS in
 * production ({@link DnsDkimKeys}), a fixed map in tests.
 */
@FunctionalInterface
public interface DkimKeys {

    /**
     * The TXT records published for a selector of a domain, each as one string; empty when none is published.
     *
     * @throws LookupFailed when the answer could not be had now (a timeout, a server failure): the signature stays unverified
     */
    List<String> records(String selector, String domain) throws LookupFailed;

    /** A lookup that may succeed later: DNS did not answer in time, or answered with a server failure. */
    final class LookupFailed extends Exception {

        public LookupFailed(String message) {
            super(message);
        }
    }
}
