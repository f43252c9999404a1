package io.supporthub.ticket;

import java.math.BigDecimal;

/**
 * What the CRM said about the requester when the ticket came in.
 *
 * @param lookup how the lookup went: found, not_found, crm_unavailable or crm_disabled
 */
public record CustomerSnapshot(String email, String name, String crmContactId, String crmAccountId, String accountName,
                               CustomerTier tier, BigDecimal annualRevenue, String health, String owner, String lookup) {

    public static CustomerSnapshot notFound(String email) {
        return unknown(email, "not_found");
    }

    public static CustomerSnapshot unknown(String email, String lookup) {
        return new CustomerSnapshot(email, null, null, null, null, CustomerTier.UNKNOWN, null, null, null, lookup);
    }

    /** True when the CRM could not be asked, so the ticket should be enriched again later. */
    public boolean needsReEnrichment() {
        return lookup.equals("crm_unavailable");
    }
}
