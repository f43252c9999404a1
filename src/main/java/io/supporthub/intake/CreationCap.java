package io.supporthub.intake;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At most {@code perSender} new tickets from one sender within a sliding {@code window}. It stops a
 * responder that slips past the automatic-mail filter (no Auto-Submitted header, a fresh subject each
 * time) from opening a ticket per mail; Zendesk suspends such a sender's mail for an hour (anchors.md A10).
 *
 * @param exempt addresses ({@code monitor@example.com}) or whole domains ({@code @example.com}) the cap never holds
 */
public record CreationCap(int perSender, Duration window, Set<String> exempt) {

    public CreationCap {
        if (perSender <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the creation cap needs a positive count and window");
        }
        exempt = exempt.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public static CreationCap defaults() {
        return new CreationCap(10, Duration.ofHours(1), Set.of());
    }

    public boolean exempts(String sender) {
        String address = sender.toLowerCase(Locale.ROOT);
        return exempt.contains(address) || exempt.contains(address.substring(Math.max(0, address.lastIndexOf('@'))));
    }

    /** The reason a held mail carries; it names the cap so an agent knows what to release and why. */
    public String describe(String sender) {
        return describe(sender, true);
    }

    /** As above, for mail authenticated as from the sender or (untrusted) only claiming it, which has an allowance of its own. */
    public String describe(String sender, boolean trusted) {
        return "creation cap: " + (trusted ? sender : "unauthenticated mail claiming " + sender) + " opened " + perSender
                + " ticket(s) within " + human(window) + " already (hub.mail.creation-cap.per-sender=" + perSender + ")";
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
