package io.supporthub.triage;

import java.util.List;
import java.util.Map;

/** Guesses the language of a ticket from its most common function words. */
final class Language {

    private static final Map<String, List<String>> STOPWORDS = Map.of(
            "en", List.of("the", "and", "is", "not", "my", "to", "you", "it", "have", "with"),
            "de", List.of("der", "die", "und", "ist", "nicht", "ich", "mein", "wir", "mit", "das"),
            "fr", List.of("le", "la", "et", "est", "pas", "je", "mon", "nous", "avec", "les"),
            "es", List.of("el", "la", "y", "es", "no", "mi", "que", "con", "los", "por"));

    private Language() {
    }

    static String guess(String lowerText) {
        String best = "en";
        long bestCount = 0;
        for (Map.Entry<String, List<String>> entry : STOPWORDS.entrySet()) {
            long count = entry.getValue().stream().filter(w -> TextMatch.containsPhrase(lowerText, w)).count();
            if (count > bestCount) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }
}
