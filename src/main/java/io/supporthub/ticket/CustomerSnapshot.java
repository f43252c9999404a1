package io.supporthub.ticket;

import java.math.BigDecimal;

/**
 * What the CRM said about the requester when the ticket came in.
 *
 * @param owner      the account owner's name, as the org's owner field holds it
 * @param openCases  the account's open cases at lookup time; null when not known or not configured
 * @param lookup     how the lookup went: found, not_found, crm_unavailable or crm_disabled
 */
public record CustomerSnapshot(String email, String name, String crmContactId, String crmAccountId, String accountName,
                               CustomerTier tier, BigDecimal annualRevenue, String health, String owner, Integer openCases,
                               String lookup) {

    /** A snapshot whose open cases are not known. */
    public CustomerSnapshot(String email, String name, String crmContactId, String crmAccountId, String accountName,
                            CustomerTier tier, BigDecimal annualRevenue, String health, String owner, String lookup) {
        this(email, name, crmContactId, crmAccountId, accountName, tier, annualRevenue, health, owner, null, lookup);
    }

    public static CustomerSnapshot notFound(String email) {
        return unknown(email, "not_found");
    }

    public static CustomerSnapshot unknown(String email, String lookup) {
        return new CustomerSnapshot(email, null, null, null, null, CustomerTier.UNKNOWN, null, null, null, null, lookup);
    }

    public CustomerSnapshot withOpenCases(Integer count) {
        return new CustomerSnapshot(email, name, crmContactId, crmAccountId, accountName, tier, annualRevenue, health, owner, count, lookup);
    }

    /** True when the CRM could not be asked, so the ticket should be enriched again later. */
    public boolean needsReEnrichment() {
        return lookup.equals("crm_unavailable");
    }
}
