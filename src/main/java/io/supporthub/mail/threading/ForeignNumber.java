package io.supporthub.mail.threading;

/**
 * A ticket number from another helpdesk, as external_link stores it.
 *
 * @param system the external_link system code: servicenow, zendesk or salesforce
 * @param number the number as the other system prints it, e.g. INC0012345, 123, 00001026
 */
public record ForeignNumber(String system, String number) {
}
