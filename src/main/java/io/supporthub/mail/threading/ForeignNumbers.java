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
 */
public final class ForeignNumbers {

    private static final Pattern SERVICENOW = Pattern.compile("(?i)\\b((?:INC|RITM|REQ|CS|PRB|CHG|SCTASK|TASK)\\d{7,10})\\b");
    private static final Pattern ZENDESK = Pattern.compile("(?<![\\w&#])#\\s?(\\d{1,10})\\b");
    private static final Pattern SALESFORCE = Pattern.compile("(?<![\\w-])(0\\d{7})(?![\\w-])");

    private ForeignNumbers() {
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
