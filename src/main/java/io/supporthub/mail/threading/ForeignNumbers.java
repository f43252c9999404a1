package io.supporthub.mail.threading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds other helpdesks' ticket numbers in a subject: ServiceNow (INC0012345, RITM…, CS…), Zendesk
 * ({@code #123}, "Request #123") and Salesforce case numbers (eight digits with leading zeros).
 * Only the subject is searched: bodies quote old threads, and a bare number there says too little.
 * A bare {@code #123} or eight-digit number may thread onto a ticket already linked to it, but only a
 * number its system's own word names ("Request #123", "Zendesk #123", "Case 00001026", any ServiceNow
 * number) is taken as a link for a new ticket: "Order #1042" must not tie a ticket to Zendesk ticket 1042.
 */
public final class ForeignNumbers {

    private static final Pattern SERVICENOW = Pattern.compile("(?i)\\b((?:INC|RITM|REQ|CS|PRB|CHG|SCTASK|TASK)\\d{7,10})\\b");
    private static final Pattern ZENDESK = Pattern.compile("(?<![\\w&#])#\\s?(\\d{1,10})\\b");
    private static final Pattern SALESFORCE = Pattern.compile("(?<![\\w-])(0\\d{7})(?![\\w-])");

    /** The words before a Zendesk or a Salesforce number that say which system's ticket it is. */
    private static final Pattern ZENDESK_WORD = Pattern.compile("(?i)(?:zendesk|request|ticket)\\W{0,3}$");
    private static final Pattern SALESFORCE_WORD = Pattern.compile("(?i)case\\W{0,3}$");
    /** A ServiceNow number carries its system in its prefix. */
    private static final Pattern ANY_WORD = Pattern.compile("");

    private ForeignNumbers() {
    }

    /** Every foreign number in the subject, each once: what threading looks up among the linked tickets. */
    public static List<ForeignNumber> find(String subject) {
        return scan(subject, false);
    }

    /** The numbers of {@link #find} that name their system, so that a new ticket may be linked to them. */
    public static List<ForeignNumber> named(String subject) {
        return scan(subject, true);
    }

    private static List<ForeignNumber> scan(String subject, boolean namedOnly) {
        if (subject == null || subject.isBlank()) {
            return List.of();
        }
        Set<ForeignNumber> found = new LinkedHashSet<>();
        add(found, SERVICENOW.matcher(subject), namedOnly ? ANY_WORD : null, "servicenow", subject);
        add(found, SALESFORCE.matcher(subject), namedOnly ? SALESFORCE_WORD : null, "salesforce", subject);
        add(found, ZENDESK.matcher(subject), namedOnly ? ZENDESK_WORD : null, "zendesk", subject);
        return new ArrayList<>(found);
    }

    /** Adds the matcher's numbers; with a naming word, only those the word stands just before. */
    private static void add(Set<ForeignNumber> found, Matcher matcher, Pattern namingWord, String system, String subject) {
        while (matcher.find()) {
            String before = subject.substring(Math.max(0, matcher.start() - 12), matcher.start());
            if (namingWord == null || namingWord.matcher(before).find()) {
                found.add(new ForeignNumber(system, matcher.group(1).toUpperCase(Locale.ROOT)));
            }
        }
    }
}
