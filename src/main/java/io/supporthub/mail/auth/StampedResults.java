package io.supporthub.mail.auth;

import io.supporthub.mail.mime.MailHeaders;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Authentication-Results a trusted receiving server stamped on a mail, and only those (RFC 8601 §5, §7.1). A server
 * adds its trace fields on top of what it received, so everything the sender wrote lies below them. Reading from the top:
 * <ul>
 *   <li>the stamped zone is the leading run of trace fields (Received, Return-Path, Delivered-To, ARC-*, Received-SPF,
 *       Authentication-Results, and X- fields, which filters on the receiving side add); the first other field — From,
 *       Subject, Date, Message-ID, DKIM-Signature, anything a sender writes — ends it;</li>
 *   <li>once a trusted server's results were seen, the next Received field ends it too: that field records a hop made
 *       before the mail reached the trusted server, so whatever lies under it came from outside;</li>
 *   <li>within the zone, the topmost result of each method wins: the server's own fields sit above anything a sender
 *       could have put at the top of its mail, so a forged result can at most add a method the server did not report.</li>
 * </ul>
 * An Authentication-Results field below the zone never counts, whatever authserv-id it claims.
 *
 * @param results the believed fields, topmost first
 * @param untrusted the authserv-ids of fields in the zone that this mailbox does not trust, for the verdict's reason
 */
public record StampedResults(List<AuthenticationResults> results, Set<String> untrusted) {

    private static final Set<String> TRACE_FIELDS = Set.of("received", "return-path", "delivered-to", "x-original-to", "envelope-to",
            "received-spf", "authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results");
    // A header block could hold thousands of fields; no receiving server stamps more than a few dozen above a mail.
    private static final int MOST_FIELDS_READ = 200;

    public StampedResults {
        results = List.copyOf(results);
        untrusted = Set.copyOf(untrusted);
    }

    /** What the trusted servers among {@code trustedIds} (lower-case authserv-ids) stamped on a mail with these headers. */
    public static StampedResults of(MailHeaders headers, Set<String> trustedIds) {
        List<AuthenticationResults> believed = new ArrayList<>();
        Set<String> untrusted = new LinkedHashSet<>();
        boolean trustedSeen = false;
        int read = 0;
        for (MailHeaders.Field field : headers.fields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (++read > MOST_FIELDS_READ || !isTrace(name) || name.equals("received") && trustedSeen) {
                break;
            }
            if (name.equals("authentication-results")) {
                Optional<AuthenticationResults> parsed = AuthenticationResults.parse(field.value());
                if (parsed.isPresent() && trustedIds.contains(parsed.get().authservId())) {
                    believed.add(parsed.get());
                    trustedSeen = true;
                } else {
                    untrusted.add(parsed.map(AuthenticationResults::authservId).orElse("(none named)"));
                }
            }
        }
        return new StampedResults(believed, untrusted);
    }

    private static boolean isTrace(String name) {
        return TRACE_FIELDS.contains(name) || name.startsWith("x-");
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** The topmost believed result of a method, with the server that reported it. */
    public Optional<Reported> first(String method) {
        for (AuthenticationResults header : results) {
            Optional<AuthenticationResults.MethodResult> result = header.first(method);
            if (result.isPresent()) {
                return Optional.of(new Reported(header.authservId(), result.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Every result of a method in the topmost believed field that reports it (a mail signed twice has two DKIM results in
     * one field); results further down do not add to them.
     */
    public List<Reported> allOfTopmost(String method) {
        for (AuthenticationResults header : results) {
            List<Reported> found = header.results().stream().filter(r -> r.method().equals(method))
                    .map(r -> new Reported(header.authservId(), r)).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** One method's result and the trusted server that reported it. */
    public record Reported(String authservId, AuthenticationResults.MethodResult result) {
    }
}
