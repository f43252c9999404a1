package io.supporthub.sandbox;

import io.supporthub.connector.spi.ConfigSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sandbox's embedded services — PostgreSQL, a mail server, and simulators of Salesforce, Slack and Zendesk — and how the
 * hub reaches them, so a newcomer sees the full flow with one command. The hub itself is started beside them by the
 * app's sandbox launcher; this package knows nothing of it.
 */
public final class Sandbox implements AutoCloseable {

    /** The flag that runs the sandbox on the demo SLA policies (targets of seconds). */
    public static final String COMPRESSED_SLA_FLAG = CompressedSla.FLAG;

    private final SandboxServices services;
    private final SandboxDescription description;
    private final CompressedSla compressedSla;

    private Sandbox(SandboxServices services, SandboxDescription description, CompressedSla compressedSla) {
        this.services = services;
        this.description = description;
        this.compressedSla = compressedSla;
    }

    /**
     * Starts the embedded services.
     *
     * @param externalJdbcUrl a database to use instead of an embedded one, or empty
     * @param adminToken      the API token the description shows
     * @param compressedSla   write the demo SLA policies to a folder of their own ({@link #compressedSlaFolder()})
     */
    public static Sandbox start(SandboxPorts ports, String externalJdbcUrl, String adminToken, boolean compressedSla) throws IOException {
        CompressedSla demo = compressedSla ? CompressedSla.write() : null;
        try {
            SandboxServices services = new SandboxServices(ports, externalJdbcUrl);
            return new Sandbox(services, new SandboxDescription(ports, services, adminToken, demo == null ? null : demo.folder().toString()), demo);
        } catch (IOException | RuntimeException | Error e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
    }

    /** The database the hub is to use: the embedded one, or the one given at start. */
    public String jdbcUrl() {
        return services.jdbcUrl;
    }

    /** Where the demo SLA policies are, or null when the shipped ones apply. */
    public Path compressedSlaFolder() {
        return compressedSla == null ? null : compressedSla.folder();
    }

    /** What {@code GET /sandbox.json} answers; the sandbox's route finds it as bean {@code sandboxDescription}. */
    public SandboxDescription description() {
        return description;
    }

    /** Connector settings pointing at the embedded services, as an admin would write them in connectors-config/. */
    public Map<String, ConfigSource> connectorSources() {
        return Map.of(
                "mailbox", new ConfigSource("sandbox:mailbox", Map.of(
                        "mailbox.protocol", "imap", "mailbox.host", "127.0.0.1", "mailbox.port", Integer.toString(services.imapPort()),
                        "mailbox.username", SandboxServices.SUPPORT_ADDRESS, "mailbox.password", SandboxServices.SUPPORT_PASSWORD,
                        "mailbox.poll-interval", "PT1S", "mailbox.address", SandboxServices.SUPPORT_ADDRESS,
                        // the sandbox mail server's verdicts, and no one else's, say who a mail is from
                        "mailbox.trusted-authserv-ids", ReceivingServerVerdict.AUTHSERV_ID)),
                "smtp", new ConfigSource("sandbox:smtp", Map.of(
                        "smtp.host", "127.0.0.1", "smtp.port", Integer.toString(services.smtpPort()), "smtp.starttls", "false",
                        "smtp.from-address", SandboxServices.SUPPORT_ADDRESS, "smtp.from-name", "Support Hub Sandbox",
                        "smtp.message-id-domain", "hub.sandbox.local")),
                "salesforce", new ConfigSource("sandbox:salesforce", Map.of(
                        "salesforce.login-url", services.salesforce.baseUrl(), "salesforce.client-id", SalesforceSimulator.CLIENT_ID,
                        "salesforce.client-secret", SalesforceSimulator.CLIENT_SECRET, "salesforce.username", SalesforceSimulator.USERNAME,
                        "salesforce.password", SalesforceSimulator.PASSWORD)),
                "slack", new ConfigSource("sandbox:slack", Map.of(
                        "slack.mode", "webhook", "slack.webhook-url", services.slack.baseUrl() + SlackSimulator.WEBHOOK_PATH,
                        "slack.server-url", services.slack.baseUrl())),
                "zendesk", new ConfigSource("sandbox:zendesk", zendeskSettings()));
    }

    /**
     * The hub's Zendesk settings for the simulator, under the keys agreed for the Zendesk connector. A hub without that
     * connector yet reads none of them.
     */
    Map<String, String> zendeskSettings() {
        return Map.of("zendesk.enabled", "true", "zendesk.base-url", services.zendesk.baseUrl(),
                "zendesk.email", ZendeskSimulator.INTEGRATION_EMAIL, "zendesk.api-token", ZendeskSimulator.API_TOKEN,
                "zendesk.webhook-secret", ZendeskSimulator.WEBHOOK_SECRET,
                "zendesk.integration-user-id", Long.toString(services.zendesk.integrationUserId()));
    }

    public String banner() {
        Map<String, Object> d = description.asMap();
        @SuppressWarnings("unchecked") Map<String, Object> api = (Map<String, Object>) d.get("api");
        @SuppressWarnings("unchecked") Map<String, Object> mail = (Map<String, Object>) d.get("mail");
        return String.join("\n",
                "",
                "support-hub sandbox is running. Ctrl-C stops it and everything it started.",
                "  Everything, as JSON:  curl " + api.get("url").toString().replace("/api/v1/tickets", "/sandbox.json"),
                "  API token:            " + api.get("token") + "   (curl -H 'Authorization: Bearer <token>' " + api.get("url") + ")",
                "  Support mailbox:      " + SandboxServices.SUPPORT_ADDRESS + " via SMTP " + mail.get("smtp") + ", IMAP " + mail.get("imap")
                        + " (login " + SandboxServices.SUPPORT_ADDRESS + " / " + SandboxServices.SUPPORT_PASSWORD + ")",
                "  Customers (CRM):      " + String.join(", ", SandboxCustomer.SEEDED.stream().map(c -> c.email() + " (" + c.tier() + ")").toList())
                        + "; their IMAP password is '" + SandboxCustomer.MAILBOX_PASSWORD + "'",
                "  Slack alerts:         " + services.slack.baseUrl() + "/_sim/messages      CRM requests: " + services.salesforce.baseUrl() + "/_sim/requests",
                "  Zendesk (simulated):  " + services.zendesk.baseUrl() + "  (curl -u '" + ZendeskSimulator.AGENT_EMAIL + "/token:"
                        + ZendeskSimulator.API_TOKEN + "' " + services.zendesk.baseUrl() + "/api/v2/tickets.json)",
                "  Health, metrics:      " + ((Map<?, ?>) d.get("operations")).get("health") + ", " + ((Map<?, ?>) d.get("operations")).get("metrics"),
                "  Send a test mail:     " + mail.get("send_a_test_mail"),
                compressedSla == null ? "  SLA policies:         shipped (restart with --compressed-sla for targets of seconds)"
                        : "  SLA policies:         compressed for demos (targets of seconds), editable live in " + compressedSla.folder(),
                "");
    }

    SandboxServices services() {
        return services;
    }

    /** Stops the services, newest first: the hub must have stopped before, as it uses them to the end. */
    @Override
    public void close() {
        try {
            services.close();
        } finally {
            if (compressedSla != null) {
                compressedSla.close();
            }
        }
    }
}
