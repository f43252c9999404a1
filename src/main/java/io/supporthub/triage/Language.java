package io.supporthub.triage;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Guesses the language of a ticket from its most common function words. */
final class Language {

    /** In order of preference: a tie goes to the language listed first. */
    private static final Map<String, List<String>> STOPWORDS = new LinkedHashMap<>();

    static {
        STOPWORDS.put("en", List.of("the", "and", "is", "not", "my", "to", "you", "it", "have", "with"));
        STOPWORDS.put("de", List.of("der", "die", "und", "ist", "nicht", "ich", "mein", "wir", "mit", "das"));
        STOPWORDS.put("fr", List.of("le", "la", "et", "est", "pas", "je", "mon", "nous", "avec", "les"));
        STOPWORDS.put("es", List.of("el", "la", "y", "es", "no", "mi", "que", "con", "los", "por"));
    }

    private static final int LONGEST_STOPWORD = STOPWORDS.values().stream().flatMap(List::stream).mapToInt(String::length).max().orElse(0);

    private Language() {
    }

    /** The language with the most distinct function words in the text; English when none appears. */
    static String guess(String lowerText) {
        Set<String> words = shortWords(lowerText);
        String best = "en";
        long bestCount = 0;
        for (Map.Entry<String, List<String>> entry : STOPWORDS.entrySet()) {
            long count = entry.getValue().stream().filter(words::contains).count();
            if (count > bestCount) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }

    /** The distinct words (runs of letters and digits, as {@link TextMatch} sees them) no longer than any function word: one pass over the text. */
    private static Set<String> shortWords(String text) {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (i - start <= LONGEST_STOPWORD) {
                    words.add(text.substring(start, i));
                }
                start = -1;
            }
        }
        return words;
    }
}
