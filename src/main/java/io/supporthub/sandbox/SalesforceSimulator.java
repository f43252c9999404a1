package io.supporthub.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Salesforce REST API as camel-salesforce uses it: the OAuth 2.0
 * username-password token flow, SOQL queries on Contact (with Account fields) and the count of an
 * account's open Cases, answering in the documented shapes, including the documented error bodies
 * (a field the simulated org does not have is INVALID_FIELD, as in a real org).
 */
final class SalesforceSimulator extends SimulatorServer {

    static final String CLIENT_ID = "sandbox-client-id";
    static final String CLIENT_SECRET = "sandbox-client-secret";
    static final String USERNAME = "integration@sandbox.local";
    static final String PASSWORD = "sandbox-password";

    private static final Pattern QUERY_PATH = Pattern.compile("/services/data/v\\d+\\.\\d+/query/?");
    private static final Pattern CONTACT_BY_EMAIL = Pattern.compile(
            "(?is)SELECT\\s+(.+?)\\s+FROM\\s+Contact\\s+WHERE\\s+Email\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'.*");
    private static final Pattern OPEN_CASES_OF_ACCOUNT = Pattern.compile(
            "(?is)SELECT\\s+COUNT\\(\\)\\s+FROM\\s+Case\\s+WHERE\\s+AccountId\\s*=\\s*'([A-Za-z0-9]{15,18})'\\s+AND\\s+IsClosed\\s*=\\s*false");

    /** The fields the simulated org has: standard ones, and the custom Account fields the hub's defaults name. */
    private static final List<String> CONTACT_FIELDS = List.of("Id", "Name", "Email");
    private static final List<String> ACCOUNT_FIELDS = List.of("Account.Id", "Account.Name", "Account.AnnualRevenue", "Account.Owner.Name",
            "Account.Customer_Tier__c", "Account.Health_Score__c", "Account.Open_Cases__c");

    private final List<SandboxCustomer> customers;
    private final String accessToken = "00DSANDBOX!" + UUID.randomUUID().toString().replace("-", "");
    /** The instance URL the token answer names; clients behind a proxy must be sent back through it. */
    private volatile String instanceUrl;

    SalesforceSimulator(int port, List<SandboxCustomer> customers) throws IOException {
        super(port);
        this.customers = customers;
    }

    @Override
    boolean handle(HttpExchange exchange, String body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/services/oauth2/token") && exchange.getRequestMethod().equals("POST")) {
            token(exchange, form(body));
            return true;
        }
        if (path.equals("/services/oauth2/revoke")) {
            // camel-salesforce logs out when it stops; Salesforce answers 200 with an empty body
            respond(exchange, 200, "text/plain;charset=UTF-8", "");
            return true;
        }
        if (QUERY_PATH.matcher(path).matches() && exchange.getRequestMethod().equals("GET")) {
            query(exchange, form(exchange.getRequestURI().getRawQuery()).get("q"));
            return true;
        }
        return false;
    }

    /** Names {@code url} as the instance in token answers, for clients that reach this simulator through a proxy. */
    void advertiseInstanceUrl(String url) {
        this.instanceUrl = url;
    }

    private String instanceUrl() {
        return instanceUrl == null ? baseUrl() : instanceUrl;
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        boolean valid = "password".equals(form.get("grant_type")) && CLIENT_ID.equals(form.get("client_id"))
                && CLIENT_SECRET.equals(form.get("client_secret")) && USERNAME.equals(form.get("username"))
                && PASSWORD.equals(form.get("password"));
        if (!valid) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("instance_url", instanceUrl());
        answer.put("id", instanceUrl() + "/id/00DSANDBOX000001/005SANDBOX000001");
        answer.put("token_type", "Bearer");
        answer.put("issued_at", Long.toString(System.currentTimeMillis()));
        answer.put("signature", "c2FuZGJveC1zaWduYXR1cmU=");
        respond(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private void query(HttpExchange exchange, String soql) throws IOException {
        if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "application/json", "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
            return;
        }
        Matcher count = soql == null ? null : OPEN_CASES_OF_ACCOUNT.matcher(soql.trim());
        if (count != null && count.matches()) {
            int open = customers.stream().filter(c -> c.accountId().equals(count.group(1))).mapToInt(SandboxCustomer::openCases).findFirst().orElse(0);
            // SELECT COUNT() answers with the count as totalSize and no records
            respond(exchange, 200, "application/json", "{\"totalSize\":" + open + ",\"done\":true,\"records\":[]}");
            return;
        }
        Matcher m = soql == null ? null : CONTACT_BY_EMAIL.matcher(soql.trim());
        if (m == null || !m.matches()) {
            respond(exchange, 400, "application/json", "[{\"message\":\"the sandbox answers SELECT … FROM Contact WHERE Email = '…' "
                    + "and SELECT COUNT() FROM Case WHERE AccountId = '…' AND IsClosed = false only\",\"errorCode\":\"MALFORMED_QUERY\"}]");
            return;
        }
        String email = m.group(2).replaceAll("\\\\(.)", "$1");
        List<String> fields = List.of(m.group(1).split("\\s*,\\s*"));
        Optional<String> unknown = fields.stream().filter(f -> !CONTACT_FIELDS.contains(f) && !ACCOUNT_FIELDS.contains(f)).findFirst();
        if (unknown.isPresent()) {
            String entity = unknown.get().startsWith("Account.") ? "Account" : "Contact";
            Map<String, String> error = new LinkedHashMap<>();
            error.put("message", "No such column '" + unknown.get().substring(unknown.get().lastIndexOf('.') + 1) + "' on entity '" + entity
                    + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.");
            error.put("errorCode", "INVALID_FIELD");
            respond(exchange, 400, "application/json", JSON.writeValueAsString(List.of(error)));
            return;
        }
        Optional<SandboxCustomer> customer = customers.stream().filter(c -> c.email().equalsIgnoreCase(email)).findFirst();
        List<Map<String, Object>> records = customer.map(c -> List.of(contact(c, fields))).orElse(List.of());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("totalSize", records.size());
        answer.put("done", true);
        answer.put("records", records);
        respond(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    /** A Contact record holding exactly the requested fields, relationship fields as nested records. */
    private static Map<String, Object> contact(SandboxCustomer c, List<String> fields) {
        Map<String, Object> contact = record("Contact", c.contactId());
        Map<String, Object> account = record("Account", c.accountId());
        Map<String, Object> owner = record("User", "005SANDBOXOWNER1");
        for (String field : fields) {
            switch (field) {
                case "Id" -> contact.put("Id", c.contactId());
                case "Name" -> contact.put("Name", c.name());
                case "Email" -> contact.put("Email", c.email());
                case "Account.Id" -> account.put("Id", c.accountId());
                case "Account.Name" -> account.put("Name", c.accountName());
                case "Account.AnnualRevenue" -> account.put("AnnualRevenue", c.annualRevenue());
                case "Account.Customer_Tier__c" -> account.put("Customer_Tier__c", c.tier());
                case "Account.Health_Score__c" -> account.put("Health_Score__c", c.health());
                // a roll-up summary field answers as a number with a fraction, as Salesforce sends it
                case "Account.Open_Cases__c" -> account.put("Open_Cases__c", (double) c.openCases());
                case "Account.Owner.Name" -> {
                    owner.put("Name", c.owner());
                    account.put("Owner", owner);
                }
                default -> throw new IllegalStateException("unchecked field " + field);
            }
        }
        contact.put("Account", account);
        return contact;
    }

    private static Map<String, Object> record(String type, String id) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", type, "url", "/services/data/v62.0/sobjects/" + type + "/" + id));
        return record;
    }
}
