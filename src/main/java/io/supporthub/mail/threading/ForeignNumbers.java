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

    private ForeignNumbers() {
    }

    /** The numbers of {@link #find} that name their system, so that a new ticket may be linked to them. */
    public static List<ForeignNumber> named(String subject) {
        if (subject == null || subject.isBlank()) {
            return List.of();
        }
        List<ForeignNumber> named = new ArrayList<>();
        Matcher sn = SERVICENOW.matcher(subject);
        while (sn.find()) {
            named.add(new ForeignNumber("servicenow", sn.group(1).toUpperCase(Locale.ROOT)));
        }
        addNamed(named, SALESFORCE.matcher(subject), SALESFORCE_WORD, "salesforce", subject);
        addNamed(named, ZENDESK.matcher(subject), ZENDESK_WORD, "zendesk", subject);
        return named.stream().distinct().toList();
    }

    private static void addNamed(List<ForeignNumber> named, Matcher matcher, Pattern namingWord, String system, String subject) {
        while (matcher.find()) {
            String before = subject.substring(Math.max(0, matcher.start() - 12), matcher.start());
            if (namingWord.matcher(before).find()) {
                named.add(new ForeignNumber(system, matcher.group(1)));
            }
        }
    }

    public static List<ForeignNumber> find(String subject) {
        if (subject == null || subject.isBlank()) {
            return List.of();
        }
        Set<ForeignNumber> found = new LinkedHashSet<>();
        Matcher sn = SERVICENOW.matcher(subject);
        while (sn.find()) {
            found.add(new ForeignNumber("servicenow", sn.group(1).toUpperCase(Locale.ROOT)));
        }
        Matcher sf = SALESFORCE.matcher(subject);
        while (sf.find()) {
            found.add(new ForeignNumber("salesforce", sf.group(1)));
        }
        Matcher zd = ZENDESK.matcher(subject);
        while (zd.find()) {
            found.add(new ForeignNumber("zendesk", zd.group(1)));
        }
        return new ArrayList<>(found);
    }
}
