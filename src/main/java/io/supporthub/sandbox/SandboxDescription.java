package io.supporthub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code GET /sandbox.json} answers: every embedded service, how to reach it, and the seeded customers. */
public final class SandboxDescription {

    private final Map<String, Object> description;

    /** @param compressedSlaFolder where the demo SLA policies are, or null when the shipped ones apply */
    SandboxDescription(SandboxPorts ports, SandboxServices services, String adminToken, String compressedSlaFolder) {
        String api = "http://127.0.0.1:" + ports.http();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mode", "sandbox");
        d.put("api", Map.of("url", api + "/api/v1/tickets", "token", adminToken,
                "example", "curl -H 'Authorization: Bearer " + adminToken + "' " + api + "/api/v1/tickets"));
        d.put("operations", Map.of("health", "http://127.0.0.1:" + ports.management() + "/observe/health",
                "metrics", "http://127.0.0.1:" + ports.management() + "/observe/metrics"));
        d.put("database", Map.of("jdbc_url", services.jdbcUrl));
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("smtp", "127.0.0.1:" + services.smtpPort());
        mail.put("imap", "127.0.0.1:" + services.imapPort());
        mail.put("support_mailbox", Map.of("address", SandboxServices.SUPPORT_ADDRESS, "imap_login", SandboxServices.SUPPORT_ADDRESS,
                "password", SandboxServices.SUPPORT_PASSWORD));
        mail.put("customer_mailboxes", "log in over IMAP with the customer's address as login and password '"
                + SandboxCustomer.MAILBOX_PASSWORD + "': acknowledgements land there");
        mail.put("authserv_id", ReceivingServerVerdict.AUTHSERV_ID);
        mail.put("sender_authentication", "every mail accepted over SMTP gets 'Authentication-Results: " + ReceivingServerVerdict.AUTHSERV_ID
                + "': SPF passes for any envelope sender (loopback is every domain's host here), DMARC passes when the From domain"
                + " matches the envelope sender's (MAIL FROM) and fails otherwise; the hub trusts this authserv-id only");
        mail.put("send_a_test_mail", "python3 -c \"import smtplib; smtplib.SMTP('127.0.0.1', " + services.smtpPort()
                + ").sendmail('ava@acme.example', ['support@sandbox.local'], 'From: ava@acme.example\\r\\nTo: support@sandbox.local\\r\\n"
                + "Subject: Production is down\\r\\n\\r\\nUrgent: our production system is down for all users.')\"");
        d.put("mail", mail);
        d.put("simulators", List.of(
                Map.of("name", "salesforce", "url", services.salesforce.baseUrl(), "inspect", services.salesforce.baseUrl() + "/_sim/requests",
                        "implements", "OAuth 2.0 username-password token, SOQL query on Contact/Account"),
                Map.of("name", "slack", "url", services.slack.baseUrl(), "inspect", services.slack.baseUrl() + "/_sim/messages",
                        "implements", "incoming webhook, chat.postMessage, auth.test"),
                services.zendesk.description()));
        d.put("customers", SandboxCustomer.SEEDED.stream().map(c -> Map.of("email", c.email(), "name", c.name(),
                "account", c.accountName(), "tier", c.tier().toLowerCase())).toList());
        d.put("unknown_customer", "mail from any other address goes the new-customer path (tier unknown)");
        d.put("sla", compressedSlaFolder == null
                ? Map.of("policies", "shipped", "demo", "restart the sandbox with --compressed-sla for targets of seconds")
                : Map.of("policies", "compressed for demos: targets of seconds, escalations of minutes", "folder", compressedSlaFolder,
                        "edit", "the files in the folder reload while the sandbox runs"));
        this.description = d;
    }

    public String json() throws JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(description);
    }

    Map<String, Object> asMap() {
        return description;
    }
}
