package io.supporthub.triage;

import java.util.List;

/** A lexicon-based first guess at the customer's mood; the statistical layer refines it. */
final class Sentiment {

    private static final List<String> NEGATIVE = List.of("angry", "furious", "terrible", "awful", "unacceptable", "frustrated",
            "frustrating", "worst", "disappointed", "ridiculous", "useless", "horrible", "cancel my", "fed up");
    private static final List<String> POSITIVE = List.of("thank you", "thanks", "great", "love", "appreciate", "awesome", "excellent");

    private Sentiment() {
    }

    static String of(String lowerText) {
        long negative = NEGATIVE.stream().filter(w -> TextMatch.containsPhrase(lowerText, w)).count();
        long positive = POSITIVE.stream().filter(w -> TextMatch.containsPhrase(lowerText, w)).count();
        if (negative > positive) {
            return "negative";
        }
        return positive > negative ? "positive" : "neutral";
    }
}
