package io.supporthub.connector.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerTier;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Looks a requester up in Salesforce: the SOQL for Contact → Account by e-mail, and the reading
 * of its answer. The account fields that hold tier and health differ per org, so they are named here.
 */
public class CrmLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tierField;
    private final String healthField;

    public CrmLookup(String tierField, String healthField) {
        if (!tierField.matches("[A-Za-z0-9_]+") || !healthField.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Salesforce field names may hold letters, digits and underscores only");
        }
        this.tierField = tierField;
        this.healthField = healthField;
    }

    /** The SOQL query for a requester; the e-mail is escaped as SOQL string literals require. */
    public String soqlFor(String email) {
        return "SELECT Id, Name, Email, Account.Id, Account.Name, Account." + tierField + ", Account.AnnualRevenue, Account."
                + healthField + ", Account.Owner.Name FROM Contact WHERE Email = '" + escape(email) + "' ORDER BY LastModifiedDate DESC LIMIT 1";
    }

    static String escape(String literal) {
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            switch (c) {
                case '\\', '\'', '"' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Reads a query answer (the REST API's JSON); no record means an unknown sender, the new-customer path. */
    public CustomerSnapshot read(String email, String queryResultJson) {
        JsonNode root;
        try {
            root = JSON.readTree(queryResultJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("Salesforce answer is not JSON: " + e.getMessage(), e);
        }
        JsonNode records = root.path("records");
        if (!records.isArray() || records.isEmpty()) {
            return CustomerSnapshot.notFound(email);
        }
        JsonNode contact = records.get(0);
        JsonNode account = contact.path("Account");
        BigDecimal revenue = account.path("AnnualRevenue").isNumber() ? account.path("AnnualRevenue").decimalValue() : null;
        return new CustomerSnapshot(email, text(contact, "Name"), text(contact, "Id"), text(account, "Id"), text(account, "Name"),
                account.isMissingNode() || account.isNull() ? CustomerTier.STANDARD : CustomerTier.fromCrm(text(account, tierField)),
                revenue, text(account, healthField), text(account.path("Owner"), "Name"), "found");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
