package io.supporthub.mail.auth;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A mailbox's trust in senders: whose Authentication-Results it believes ({@code mailbox.trusted-authserv-ids}), and
 * whether a sender nothing verifies is trusted ({@code mailbox.unverified-sender}). A sender a result shows false is never
 * trusted; one a result proves always is.
 *
 * @param trustedAuthservIds lower-case authserv-ids of the receiving servers whose results count
 * @param trustUnverified true to trust unverified senders as before authentication was checked; false (the default) restricts them
 */
public record SenderPolicy(Set<String> trustedAuthservIds, boolean trustUnverified) {

    public SenderPolicy {
        trustedAuthservIds = trustedAuthservIds.stream().map(id -> id.strip().toLowerCase(Locale.ROOT)).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** No server's results believed, unverified senders restricted. */
    public static SenderPolicy defaults() {
        return new SenderPolicy(Set.of(), false);
    }

    public boolean trusts(SenderVerdict.Result result) {
        return result == SenderVerdict.Result.PASS || result == SenderVerdict.Result.UNVERIFIED && trustUnverified;
    }
}
