package io.supporthub.mail.threading;

import io.supporthub.ticket.ExternalRef;

/**
 * A ticket number from another helpdesk, as external_link stores it.
 *
 * @param system the external_link system code: servicenow, zendesk or salesforce
 * @param number the number as the other system prints it, e.g. INC0012345, 123, 00001026
 */
public record ForeignNumber(String system, String number) {

    /** The record this number names, its id still unknown: what the ticket of a mail quoting it is linked to. */
    public ExternalRef toRef() {
        return ExternalRef.number(system, number);
    }
}
