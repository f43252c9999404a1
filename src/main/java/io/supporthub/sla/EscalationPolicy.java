package io.supporthub.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The escalation ladder and lifecycle automations (policies/escalations.yaml): when an unresolved
 * ticket moves up a tier, reaches the executives or is brought to a manager's attention, and when
 * a solved ticket gets its satisfaction follow-up or a ticket waiting on the customer is closed.
 * Thresholds are real (wall-clock) time from the moment the condition began.
 */
public record EscalationPolicy(List<TierEscalation> tierEscalations, Optional<Escalation> executive,
                               Optional<Duration> managerNoticeAfter, boolean vipManagerNotice,
                               Optional<Duration> satisfactionFollowUpAfter, Optional<Duration> autoClosePendingAfter,
                               int managerReviewBelow) {

    public static final String DEFAULT_RESOURCE = "policies/escalations.yaml";
    static final Set<String> TIERS = Set.of("T1", "T2", "T3", "SPECIALIST", "EXECUTIVE");

    /** Moves a ticket still unresolved after {@code after} in tier {@code from} to tier {@code to} (and queue, if given). */
    public record TierEscalation(String id, String from, Duration after, String to, Optional<String> queue) {
    }

    /** Moves a ticket unresolved for {@code after} since it was opened to the executive tier. */
    public record Escalation(Duration after, String queue) {
    }

    public EscalationPolicy {
        tierEscalations = List.copyOf(tierEscalations);
        Set<String> from = new HashSet<>();
        for (TierEscalation rule : tierEscalations) {
            if (!from.add(rule.from())) {
                throw new InvalidSlaInputException("tier_escalations", "two rules escalate from " + rule.from() + "; keep one");
            }
        }
    }

    public Optional<TierEscalation> escalationFrom(String tier) {
        return tierEscalations.stream().filter(r -> r.from().equals(tier)).findFirst();
    }

    public static EscalationPolicy defaults() {
        return parse(YamlSource.classpathText(DEFAULT_RESOURCE), DEFAULT_RESOURCE);
    }

    public static EscalationPolicy parse(String yamlText, String sourceName) {
        InputNode root = YamlSource.parse(yamlText, sourceName);
        root.onlyFields(Set.of("tier_escalations", "executive", "manager_notice", "lifecycle"));
        List<TierEscalation> tiers = new ArrayList<>();
        if (!root.get("tier_escalations").isMissing()) {
            for (InputNode node : root.get("tier_escalations").items()) {
                tiers.add(tierEscalation(node));
            }
        }
        Optional<Escalation> executive = Optional.empty();
        InputNode exec = root.get("executive");
        if (!exec.isMissing() && !isOff(exec)) {
            exec.onlyFields(Set.of("after", "queue"));
            executive = Optional.of(new Escalation(exec.get("after").duration(),
                    exec.get("queue").isMissing() ? "executive" : exec.get("queue").text()));
        }
        InputNode manager = root.get("manager_notice");
        Optional<Duration> managerAfter = Optional.empty();
        boolean vip = false;
        if (!manager.isMissing()) {
            manager.onlyFields(Set.of("open_after", "vip"));
            managerAfter = optionalDuration(manager.get("open_after"));
            InputNode vipNode = manager.get("vip");
            vip = !vipNode.isMissing() && vipNode.read(EscalationPolicy::immediatelyOrOff);
        }
        InputNode lifecycle = root.get("lifecycle");
        Optional<Duration> followUp = Optional.empty();
        Optional<Duration> autoClose = Optional.empty();
        int reviewBelow = 0;
        if (!lifecycle.isMissing()) {
            lifecycle.onlyFields(Set.of("satisfaction_follow_up_after", "auto_close_pending_after", "manager_review_below"));
            followUp = optionalDuration(lifecycle.get("satisfaction_follow_up_after"));
            autoClose = optionalDuration(lifecycle.get("auto_close_pending_after"));
            InputNode below = lifecycle.get("manager_review_below");
            if (!below.isMissing() && !isOff(below)) {
                reviewBelow = below.integer();
                if (reviewBelow < 1 || reviewBelow > 5) {
                    throw below.error(reviewBelow + " is outside the rating scale; ratings run from 1 to 5");
                }
            }
        }
        return new EscalationPolicy(tiers, executive, managerAfter, vip, followUp, autoClose, reviewBelow);
    }

    private static TierEscalation tierEscalation(InputNode node) {
        node.onlyFields(Set.of("id", "from", "after", "to", "queue"));
        String from = tier(node.get("from"));
        String to = tier(node.get("to"));
        if (from.equals(to)) {
            throw node.get("to").error("escalates " + from + " to itself");
        }
        String id = node.get("id").isMissing() ? from.toLowerCase(Locale.ROOT) + "-to-" + to.toLowerCase(Locale.ROOT) : node.get("id").text();
        Optional<String> queue = node.get("queue").isMissing() ? Optional.empty() : Optional.of(node.get("queue").text());
        return new TierEscalation(id, from, node.get("after").duration(), to, queue);
    }

    private static String tier(InputNode node) {
        String tier = node.text().toUpperCase(Locale.ROOT);
        if (!TIERS.contains(tier)) {
            throw node.error("'" + node.text() + "' is not a support tier; use one of " + String.join(", ", new java.util.TreeSet<>(TIERS)));
        }
        return tier;
    }

    private static Optional<Duration> optionalDuration(InputNode node) {
        return node.isMissing() || isOff(node) ? Optional.empty() : Optional.of(node.duration());
    }

    private static boolean isOff(InputNode node) {
        return node.isText() && node.text().equalsIgnoreCase("off");
    }

    private static boolean immediatelyOrOff(InputNode node) {
        String value = node.text().toLowerCase(Locale.ROOT);
        if (!value.equals("immediately") && !value.equals("off")) {
            throw node.error("'" + node.text() + "' is neither 'immediately' nor 'off'");
        }
        return value.equals("immediately");
    }
}
