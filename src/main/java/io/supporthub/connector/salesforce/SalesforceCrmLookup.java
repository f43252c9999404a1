package io.supporthub.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerTier;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Looks a requester up in Salesforce: the SOQL for Contact → Account by e-mail (and, when
 * configured, the count of the account's open Cases), and the reading of the answers. Which fields
 * hold tier, ARR, health, owner and open cases differ per org, so they come from {@link CrmFields}.
 */
public class SalesforceCrmLookup {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Salesforce record ids are 15 or 18 letters and digits; anything else never reaches a query. */
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?");

    private final CrmFields fields;
    private final String contactQueryPrefix;

    public SalesforceCrmLookup(CrmFields fields) {
        this.fields = fields;
        Set<String> select = new LinkedHashSet<>(java.util.List.of("Id", "Name", "Email", "Account.Id", "Account.Name"));
        select.add(fields.tier().soql());
        select.add(fields.annualRevenue().soql());
        select.add(fields.health().soql());
        select.add(fields.owner().soql());
        if (fields.openCases().source() == OpenCases.Source.FIELD) {
            select.add(fields.openCases().field().soql());
        }
        this.contactQueryPrefix = "SELECT " + String.join(", ", select) + " FROM Contact WHERE Email = '";
    }

    public CrmFields fields() {
        return fields;
    }

    /** The SOQL query for a requester; the e-mail is escaped as SOQL string literals require, so it stays a value. */
    public String soqlFor(String email) {
        return contactQueryPrefix + escape(email) + "' ORDER BY LastModifiedDate DESC LIMIT 1";
    }

    /** True when the found customer's open cases are counted with a second query. */
    public boolean countsOpenCases(CustomerSnapshot customer) {
        return fields.openCases().source() == OpenCases.Source.CASE_COUNT && "found".equals(customer.lookup())
                && customer.crmAccountId() != null && RECORD_ID.matcher(customer.crmAccountId()).matches();
    }

    /** Counts the account's open cases; the id is checked to be a record id, never pasted as given. */
    public String openCasesSoqlFor(String accountId) {
        if (accountId == null || !RECORD_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("not a Salesforce record id: " + accountId);
        }
        return "SELECT COUNT() FROM Case WHERE AccountId = '" + accountId + "' AND IsClosed = false";
    }

    /**
     * Escapes a SOQL string literal: the quote and backslash, and the control characters SOQL has
     * escapes for; other control characters cannot be part of an address and are dropped.
     */
    static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            switch (c) {
                case '\\', '\'', '"' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Reads a query answer (the REST API's JSON); no record means an unknown sender, the new-customer path. */
    public CustomerSnapshot read(String email, String queryResultJson) {
        JsonNode records = parse(queryResultJson).path("records");
        if (!records.isArray() || records.isEmpty()) {
            return CustomerSnapshot.notFound(email);
        }
        JsonNode contact = records.get(0);
        JsonNode account = contact.path("Account");
        // a contact without an account, or an account without a tier value, is a standard customer
        CustomerTier tier = fields.tiers().tierOf(text(fields.tier().valueIn(contact)));
        Integer openCases = fields.openCases().source() == OpenCases.Source.FIELD ? count(fields.openCases().field().valueIn(contact)) : null;
        return new CustomerSnapshot(email, text(contact.get("Name")), text(contact.get("Id")), text(account.get("Id")), text(account.get("Name")),
                tier, decimal(fields.annualRevenue().valueIn(contact)), text(fields.health().valueIn(contact)),
                text(fields.owner().valueIn(contact)), openCases, "found");
    }

    /** Adds the answer of the open-cases count (SELECT COUNT() answers with totalSize and no records). */
    public CustomerSnapshot withOpenCases(CustomerSnapshot customer, String countResultJson) {
        JsonNode total = parse(countResultJson).get("totalSize");
        if (total == null || !total.canConvertToInt() || total.asInt() < 0) {
            throw new IllegalArgumentException("Salesforce count answer has no totalSize: " + countResultJson);
        }
        return customer.withOpenCases(total.asInt());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Salesforce answer is not JSON: " + e.getMessage(), e);
        }
    }

    /** A number field (a health score of 81.0) reads as 81, as a person would write it. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainerNode()) {
            return null;
        }
        return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
    }

    private static BigDecimal decimal(JsonNode value) {
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    /** A roll-up summary field answers as a JSON number (often 3.0); a text or negative value is no count. */
    private static Integer count(JsonNode value) {
        return value != null && value.isNumber() && value.asDouble() >= 0 ? (int) Math.round(value.asDouble()) : null;
    }
}
