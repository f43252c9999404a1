package io.supporthub.ticket;

import java.util.Locale;
import java.util.Objects;

/**
 * A ticket as another system knows it: a ServiceNow incident, a Zendesk ticket, a Salesforce case. A source that
 * comes from that system knows its id; a number quoted in a mail's subject knows only the number.
 *
 * @param system the system's code, as {@link Channel#code()} spells it: zendesk, servicenow, salesforce
 * @param externalId the system's own id of the record (a sys_id, a case Id), or null while only its number is known
 * @param number the number people see (INC0012345, 123, 00001026), or null
 * @param url a link to the record in that system, or null
 */
public record ExternalRef(String system, String externalId, String number, String url) {

    public ExternalRef {
        Objects.requireNonNull(system, "system");
        system = system.strip().toLowerCase(Locale.ROOT);
        externalId = blankToNull(externalId);
        number = blankToNull(number);
        url = blankToNull(url);
        if (externalId == null && number == null) {
            throw new IllegalArgumentException("a " + system + " record needs its id or its number");
        }
    }

    /** A record known only by the number a message quoted. */
    public static ExternalRef number(String system, String number) {
        return new ExternalRef(system, null, number, null);
    }

    /** How people name it, for timelines and logs: "servicenow INC0012345". */
    public String label() {
        return system + " " + (number != null ? number : externalId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
