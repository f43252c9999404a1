package io.supporthub.mail.threading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds our ticket key in a subject: {@code [SH-123]} anywhere, or a bare {@code SH-123} right after reply/forward prefixes. */
public final class SubjectKeys {

    private static final Pattern BRACKETED = Pattern.compile("(?i)\\[\\s*(SH-\\d{1,12})\\s*]");
    // RE:, AW:, SV:, VS:, WG:, TR:, Fwd:, FW:, Antw:, also counted ones like Fwd[3]: or Re(2):, in any number.
    private static final Pattern BARE_AFTER_PREFIXES = Pattern.compile(
            "(?i)^\\s*(?:(?:re|aw|sv|vs|wg|tr|fwd?|antw|odp|r)\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*:\\s*)*(SH-\\d{1,12})\\b");

    private SubjectKeys() {
    }

    public static Optional<String> find(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Matcher bracketed = BRACKETED.matcher(subject);
        if (bracketed.find()) {
            return Optional.of(bracketed.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher bare = BARE_AFTER_PREFIXES.matcher(subject);
        return bare.find() ? Optional.of(bare.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
