package io.supporthub.connector.salesforce;

/**
 * Which fields of the requester's Contact (and, through it, the Account) hold what the hub wants
 * to know; they differ per org, so all are configured (connectors-config/salesforce.properties).
 */
public record CrmFields(FieldPath tier, FieldPath annualRevenue, FieldPath health, FieldPath owner, OpenCases openCases,
                        TierMapping tiers) {

    /** What a fresh org with the hub's suggested custom fields uses. */
    public static final CrmFields DEFAULT = new CrmFields(FieldPath.parse("Account.Customer_Tier__c"), FieldPath.parse("Account.AnnualRevenue"),
            FieldPath.parse("Account.Health_Score__c"), FieldPath.parse("Account.Owner.Name"), OpenCases.CASE_COUNT, TierMapping.DEFAULT);

    public CrmFields {
        if (tier == null || annualRevenue == null || health == null || owner == null || openCases == null || tiers == null) {
            throw new IllegalArgumentException("every CRM field must be named");
        }
    }
}
