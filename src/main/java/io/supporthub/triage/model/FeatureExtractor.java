package io.supporthub.triage.model;

/**
 * Counts hashed features of a text: lower-cased word unigrams and bigrams, and character n-grams of
 * each word padded with spaces. Word keys are positive and character keys negative, so the sign
 * tells the block a feature belongs to.
 */
final class FeatureExtractor {

    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long WORD_SEED = 0xcbf29ce484222325L;
    private static final long CHAR_SEED = 0x84222325cbf29ce4L;
    private static final long BIGRAM_MIX = 0x9E3779B97F4A7C15L;
    static final long CHAR_BLOCK = Long.MIN_VALUE;

    private final FeatureSettings settings;

    FeatureExtractor(FeatureSettings settings) {
        this.settings = settings;
    }

    /** Adds the feature counts of text to counts (which the caller clears between texts). */
    void extract(CharSequence text, LongIntTable counts) {
        int n = text.length();
        char[] token = new char[Math.min(n, 256) + 2];
        long previousWord = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && isEscapeLetter(text.charAt(i + 1))) {
                i += 2; // exports that store line breaks as a literal "\n" must not glue words together
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int len = 0;
            while (i < n && Character.isLetterOrDigit(c = text.charAt(i))) {
                if (len + 2 >= token.length) {
                    token = java.util.Arrays.copyOf(token, token.length * 2);
                }
                // every digit reads as 0: order and card numbers vary, their shape is what carries meaning
                token[++len] = Character.isDigit(c) ? '0' : Character.toLowerCase(c);
                i++;
            }
            long word = wordKey(token, len);
            counts.add(word, 1);
            if (settings.wordBigrams() && previousWord != 0) {
                counts.add(positive(fmix(previousWord * BIGRAM_MIX + word)), 1);
            }
            previousWord = word;
            token[0] = ' ';
            token[len + 1] = ' ';
            addCharGrams(token, len + 2, counts);
        }
    }

    private void addCharGrams(char[] padded, int length, LongIntTable counts) {
        int min = settings.charMin();
        int max = settings.charMax();
        for (int start = 0; start + min <= length; start++) {
            long h = CHAR_SEED;
            int end = Math.min(length, start + max);
            for (int j = start; j < end; j++) {
                h = (h ^ padded[j]) * FNV_PRIME;
                int gram = j - start + 1;
                if (gram >= min) {
                    counts.add(fmix(h + gram) | CHAR_BLOCK, 1);
                }
            }
        }
    }

    private static long wordKey(char[] token, int len) {
        long h = WORD_SEED;
        for (int j = 1; j <= len; j++) {
            h = (h ^ token[j]) * FNV_PRIME;
        }
        return positive(fmix(h));
    }

    private static long positive(long key) {
        long k = key & Long.MAX_VALUE;
        return k == 0 ? 1 : k;
    }

    private static boolean isEscapeLetter(char c) {
        return c == 'n' || c == 'r' || c == 't';
    }

    /** MurmurHash3's 64-bit finaliser: FNV alone leaves the low bits poorly mixed for the table. */
    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
