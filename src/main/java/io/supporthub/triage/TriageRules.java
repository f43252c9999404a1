package io.supporthub.triage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.policy.PolicyYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The admin-editable rules layer of triage, read from {@code policies/triage-rules.yaml}.
 *
 * @param categories first matching rule wins, so more specific rules come first
 * @param emergencyCategories categories that make a ticket a security/outage/data-loss emergency
 * @param emergencyPhrases phrases that make any ticket an emergency (e.g. "data loss")
 * @param complexPhrases phrases that mark complex API, integration or performance problems
 * @param refundApprovalLimit refunds above this amount (in any currency) need human approval
 * @param modelMinScore the least model score at which the statistical layer may set the category
 */
public record TriageRules(List<PhraseRule> categories, List<PhraseRule> urgency, List<PhraseRule> scope,
                          List<String> emergencyCategories, List<String> emergencyPhrases, List<String> complexPhrases,
                          BigDecimal refundApprovalLimit, double modelMinScore) {

    /**
     * A rule that matches when the text contains any of its phrases.
     *
     * @param result the category, or the level (high/medium/low) for urgency and scope rules
     */
    public record PhraseRule(String id, String result, List<String> any) {

        public PhraseRule {
            any = any.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        }

        /** The first phrase of this rule found in the (lower-case) text, or null. */
        public String firstMatch(String lowerText) {
            for (String phrase : any) {
                if (TextMatch.containsPhrase(lowerText, phrase)) {
                    return phrase;
                }
            }
            return null;
        }
    }

    /** Shapes the parsed file into the record; a key the record does not know is a typo, not a comment. */
    private static final ObjectMapper SHAPE = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String DEFAULT_RESOURCE = "policies/triage-rules.yaml";

    public static TriageRules load(InputStream yaml, String sourceName) {
        try {
            return parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8), sourceName);
        } catch (IOException e) {
            throw new IllegalArgumentException("triage rules in " + sourceName + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static TriageRules parse(String yamlText, String sourceName) {
        try {
            Object document = PolicyYaml.parse(yamlText, sourceName);
            if (!(document instanceof java.util.Map<?, ?>)) {
                throw new IllegalArgumentException("expected the rules as an object, got " + (document == null ? "nothing" : document));
            }
            return SHAPE.convertValue(document, TriageRules.class);
        } catch (PolicyYaml.InvalidPolicyYamlException | IllegalArgumentException e) {
            throw new IllegalArgumentException("triage rules in " + sourceName + " are not valid: " + e.getMessage(), e);
        }
    }

    public static TriageRules defaults() {
        return parse(PolicyYaml.classpathText(DEFAULT_RESOURCE), "classpath:" + DEFAULT_RESOURCE);
    }
}
