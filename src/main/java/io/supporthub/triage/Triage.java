package io.supporthub.triage;

import io.supporthub.ticket.Classification;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.triage.PriorityMatrix.Level;
import io.supporthub.triage.TriageRules.PhraseRule;
import io.supporthub.triage.model.Prediction;
import io.supporthub.triage.model.TextClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The deterministic triage layer: category, priority and routing flags from rules, each with its reason. */
public class Triage {

    private static final String ACTOR = "triage-rules";
    private static final String NO_RULE = "no category rule matched";

    private final Supplier<TriageRules> rules;
    private final TextClassifier model;

    /**
     * @param rules a supplier, so an admin's edited rules file applies to the next ticket without a restart
     * @param model the statistical layer for tickets no category rule places, or null for rules only
     */
    public Triage(Supplier<TriageRules> rules, TextClassifier model) {
        this.rules = rules;
        this.model = model;
    }

    public TriageResult classify(IntakeRequest request, CustomerSnapshot customer) {
        return classify(request, customer, null);
    }

    /**
     * As above; {@code categoryHint} (a mailbox's, e.g. billing for billing@) is the category when no category
     * rule matches, in place of the text classifier's guess. Rules still win: an outage mailed to billing@ is an outage.
     */
    public TriageResult classify(IntakeRequest request, CustomerSnapshot customer, String categoryHint) {
        TriageRules r = rules.get();
        String text = (request.subject() + "\n" + request.body()).toLowerCase(Locale.ROOT);
        List<TicketEvent> reasons = new ArrayList<>();

        String category = "general";
        String categoryReason = NO_RULE;
        for (PhraseRule rule : r.categories()) {
            String phrase = rule.firstMatch(text);
            if (phrase != null) {
                category = rule.result();
                categoryReason = "rule " + rule.id() + " matched \"" + phrase + "\"";
                break;
            }
        }
        if (categoryReason.equals(NO_RULE) && categoryHint != null) {
            category = categoryHint;
            categoryReason = NO_RULE + "; the mailbox's category hint is " + categoryHint;
        } else if (categoryReason.equals(NO_RULE) && model != null) {
            Prediction prediction = model.classify(request.subject() + "\n" + request.body());
            if (prediction.score() >= r.modelMinScore()) {
                category = prediction.label();
                categoryReason = prediction.reason();
            } else {
                categoryReason = NO_RULE + "; " + prediction.reason() + " is below the model threshold " + r.modelMinScore();
            }
        }
        reasons.add(TicketEvent.of("categorized", ACTOR, "category " + category + ": " + categoryReason,
                Map.of("category", category, "rule", categoryReason)));

        String emergencyPhrase = r.emergencyPhrases().stream().filter(p -> TextMatch.containsPhrase(text, p.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
        boolean emergency = r.emergencyCategories().contains(category) || emergencyPhrase != null;

        Level tierImpact = switch (customer.tier()) {
            case VIP -> Level.HIGH;
            case ENTERPRISE -> Level.MEDIUM;
            default -> Level.LOW;
        };
        Optional<Match> scope = strongest(r.scope(), text);
        Level impact = scope.map(m -> tierImpact.atLeast(m.level())).orElse(tierImpact);
        if (emergency) {
            impact = impact.atLeast(Level.MEDIUM);
        }
        Optional<Match> urgencyMatch = strongest(r.urgency(), text);
        Level urgency = urgencyMatch.map(Match::level).orElse(Level.LOW);
        if (emergency) {
            // a breach, an outage or lost data cannot wait, however calmly it is worded: never below P2 in the emergency queue
            urgency = urgency.atLeast(Level.HIGH);
        }
        Priority priority = PriorityMatrix.priority(impact, urgency);
        String priorityReason = "impact " + impact.name().toLowerCase(Locale.ROOT) + " (customer tier " + customer.tier().code()
                + scope.map(m -> ", " + m.describe()).orElse("") + (emergency ? ", emergency" : "") + ") × urgency "
                + urgency.name().toLowerCase(Locale.ROOT) + urgencyReason(urgencyMatch, emergency);
        reasons.add(TicketEvent.of("prioritized", ACTOR, priority.name() + " " + priority.label() + ": " + priorityReason,
                Map.of("priority", priority.name(), "impact", impact.name(), "urgency", urgency.name())));

        MoneyAmounts.Amount refund = "refund".equals(category)
                ? MoneyAmounts.find(request.subject() + "\n" + request.body()).stream().max(Comparator.comparing(MoneyAmounts.Amount::value)).orElse(null)
                : null;
        boolean refundOverLimit = refund != null && refund.value().compareTo(r.refundApprovalLimit()) > 0;
        String complexPhrase = r.complexPhrases().stream().filter(p -> TextMatch.containsPhrase(text, p.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
        boolean complex = complexPhrase != null;
        if (emergency) {
            reasons.add(TicketEvent.of("flagged", ACTOR, "emergency: " + (emergencyPhrase != null ? "text mentions \"" + emergencyPhrase + "\"" : "category " + category),
                    Map.of("flag", "emergency")));
        }
        if (refundOverLimit) {
            reasons.add(TicketEvent.of("flagged", ACTOR, "refund of " + refund.currency() + " " + refund.value().toPlainString()
                    + " is above the approval limit of " + r.refundApprovalLimit().toPlainString(), Map.of("flag", "refund_over_limit")));
        }
        Classification classification = new Classification(category, priority, complex ? "high" : "normal",
                Sentiment.of(text), Language.guess(text));
        return new TriageResult(classification, emergency, refundOverLimit, complex, refund == null ? null : refund.value(),
                refund == null ? null : refund.currency(), reasons);
    }

    private static String urgencyReason(Optional<Match> match, boolean emergency) {
        if (emergency && match.map(m -> m.level() != Level.HIGH).orElse(true)) {
            return " (emergency" + match.map(m -> "; " + m.describe()).orElse("") + ")";
        }
        return match.map(m -> " (" + m.describe() + ")").orElse(" (no urgency rule matched)");
    }

    private record Match(String ruleId, String phrase, Level level) {
        String describe() {
            return "rule " + ruleId + " matched \"" + phrase + "\"";
        }
    }

    /** The most severe matching rule of a list. */
    private static Optional<Match> strongest(List<PhraseRule> rules, String text) {
        Match best = null;
        for (PhraseRule rule : rules) {
            String phrase = rule.firstMatch(text);
            if (phrase != null) {
                Level level = Level.parse(rule.result());
                if (best == null || level.ordinal() < best.level().ordinal()) {
                    best = new Match(rule.id(), phrase, level);
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
