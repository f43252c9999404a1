package io.supporthub.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final String[] LANGUAGES = STOPWORDS.keySet().toArray(String[]::new);
    /** Every function word once; a word of two languages ("la") counts for both. */
    private static final String[] WORDS;
    /** For each word of {@link #WORDS}, the indexes into {@link #LANGUAGES} it belongs to. */
    private static final int[][] WORD_LANGUAGES;
    /** Open-addressing table from a word's String hash to its index in {@link #WORDS} (-1: empty). */
    private static final int[] TABLE = new int[128];
    private static final int LONGEST_STOPWORD;

    static {
        Map<String, List<Integer>> languagesOf = new LinkedHashMap<>();
        for (int l = 0; l < LANGUAGES.length; l++) {
            for (String word : STOPWORDS.get(LANGUAGES[l])) {
                languagesOf.computeIfAbsent(word, w -> new ArrayList<>()).add(l);
            }
        }
        WORDS = languagesOf.keySet().toArray(String[]::new);
        WORD_LANGUAGES = languagesOf.values().stream().map(ls -> ls.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        java.util.Arrays.fill(TABLE, -1);
        for (int w = 0; w < WORDS.length; w++) {
            int slot = WORDS[w].hashCode() & (TABLE.length - 1);
            while (TABLE[slot] >= 0) {
                slot = (slot + 1) & (TABLE.length - 1);
            }
            TABLE[slot] = w;
        }
        LONGEST_STOPWORD = java.util.Arrays.stream(WORDS).mapToInt(String::length).max().orElse(0);
    }

    private Language() {
    }

    /**
     * The language with the most distinct function words in the text; English when none appears. One pass over the text
     * that allocates nothing per word: it runs for every ticket, on bodies of kilobytes.
     */
    static String guess(String lowerText) {
        boolean[] seen = new boolean[WORDS.length];
        int[] counts = new int[LANGUAGES.length];
        int start = -1;
        int hash = 0;
        for (int i = 0; i <= lowerText.length(); i++) {
            char c = i < lowerText.length() ? lowerText.charAt(i) : ' ';
            // words are runs of letters and digits, as TextMatch sees them
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                hash = 31 * hash + c;
            } else if (start >= 0) {
                int length = i - start;
                start = -1;
                if (length > LONGEST_STOPWORD) {
                    continue;
                }
                int word = lookUp(lowerText, i - length, length, hash);
                if (word >= 0 && !seen[word]) {
                    seen[word] = true;
                    for (int language : WORD_LANGUAGES[word]) {
                        counts[language]++;
                    }
                }
            }
        }
        int best = 0;
        for (int l = 1; l < LANGUAGES.length; l++) {
            if (counts[l] > counts[best]) {
                best = l;
            }
        }
        return counts[best] == 0 ? "en" : LANGUAGES[best];
    }

    /** The index of the function word text[start, start + length) is, by its String hash; -1 when it is none. */
    private static int lookUp(String text, int start, int length, int hash) {
        for (int slot = hash & (TABLE.length - 1); TABLE[slot] >= 0; slot = (slot + 1) & (TABLE.length - 1)) {
            String word = WORDS[TABLE[slot]];
            if (word.length() == length && word.hashCode() == hash && text.regionMatches(start, word, 0, length)) {
                return TABLE[slot];
            }
        }
        return -1;
    }
}
