package io.supporthub.triage;

/** Phrase matching on word boundaries, so "api" does not match "rapid". */
final class TextMatch {

    private TextMatch() {
    }

    static boolean containsPhrase(String lowerText, String phrase) {
        int from = 0;
        while (true) {
            int at = lowerText.indexOf(phrase, from);
            if (at < 0) {
                return false;
            }
            int end = at + phrase.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(lowerText.charAt(at - 1));
            boolean endOk = end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
