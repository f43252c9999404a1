package io.supporthub.mail.mime;

/** Makes decoded text safe to store: no unpaired surrogates and no NUL characters. */
final class UnicodeText {

    private UnicodeText() {
    }

    /** Unpaired surrogates break PostgreSQL text and JSON, so they become U+FFFD; NULs are dropped. */
    static String repair(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                bad = true;
            } else {
                bad = Character.isLowSurrogate(c) || c == 0;
            }
            if (bad && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            }
            if (out != null) {
                if (c != 0 && bad) {
                    out.append('\uFFFD');
                } else if (!bad) {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** True when the text has no unpaired surrogate, which is what tests assert about decoded mail. */
    static boolean isWellFormed(String s) {
        return s == null || repair(s).equals(s);
    }
}
