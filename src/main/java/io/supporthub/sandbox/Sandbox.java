package io.supporthub.sandbox;

import io.supporthub.app.ConnectorSettings;
import io.supporthub.app.HubApplication;
import io.supporthub.app.HubCommand;
import io.supporthub.app.HubSettings;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.Secret;
import io.supporthub.admin.ApiTokens;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code sandbox}: the whole hub on embedded defaults — PostgreSQL, a mail server, and simulators
 * of Salesforce and Slack — so a newcomer sees the full flow with one command.
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxServices services;
    private final HubApplication hub;
    private final SandboxDescription description;
    private final CompressedSla compressedSla;

    private Sandbox(SandboxServices services, HubApplication hub, SandboxDescription description, CompressedSla compressedSla) {
        this.services = services;
        this.hub = hub;
        this.description = description;
        this.compressedSla = compressedSla;
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        List<String> flags = new java.util.ArrayList<>(args);
        boolean compressed = flags.remove(CompressedSla.FLAG) || "compressed".equalsIgnoreCase(System.getenv("HUB_SANDBOX_SLA"));
        Sandbox sandbox = start(SandboxPorts.from(flags, System::getenv), System::getenv, compressed);
        out.println(sandbox.banner());
        return HubCommand.runUntilStopped(sandbox);
    }

    static Sandbox start(SandboxPorts ports, UnaryOperator<String> environment) throws Exception {
        return start(ports, environment, false);
    }

    /**
     * @param compressedSla run on the demo policies (targets of seconds), unless HUB_POLICIES_DIR
     *                      names a policies folder already
     */
    static Sandbox start(SandboxPorts ports, UnaryOperator<String> environment, boolean compressedSla) throws Exception {
        String ownPolicies = environment.apply("HUB_POLICIES_DIR");
        CompressedSla demo = compressedSla && (ownPolicies == null || ownPolicies.isBlank()) ? CompressedSla.write() : null;
        UnaryOperator<String> env = demo == null ? environment
                : name -> name.equals("HUB_POLICIES_DIR") ? demo.folder().toString() : environment.apply(name);
        try {
            return start(ports, env, demo);
        } catch (Exception | Error e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
    }

    private static Sandbox start(SandboxPorts ports, UnaryOperator<String> environment, CompressedSla demo) throws Exception {
        HubSettings settings = HubCommand.loadHubSettings(environment);
        SandboxServices services = new SandboxServices(ports, settings.dbUrl());
        try {
            String token = settings.adminToken().isEmpty() ? ApiTokens.generate() : settings.adminToken().reveal();
            settings = settings.withDatabase(services.jdbcUrl, settings.dbUsername(), settings.dbPassword()).withAdminToken(Secret.of(token));
            SandboxDescription description = new SandboxDescription(ports, services, token,
                    demo == null ? null : demo.folder().toString());
            Map<String, String> camel = new LinkedHashMap<>();
            camel.put("camel.server.port", Integer.toString(ports.http()));
            camel.put("camel.management.port", Integer.toString(ports.management()));
            HubApplication hub = HubApplication.start(settings, connectors(services), List.of(Path.of(settings.routesDir(), "sandbox").toString()),
                    camel, Map.of("sandboxDescription", description));
            return new Sandbox(services, hub, description, demo);
        } catch (Exception e) {
            services.close();
            throw e;
        }
    }

    /** Connector settings pointing at the embedded services, as an admin would write them in connectors-config/. */
    static ConnectorSettings connectors(SandboxServices services) {
        return ConnectorSettings.from(Map.of(
                "mailbox", new ConfigSource("sandbox:mailbox", Map.of(
                        "mailbox.protocol", "imap", "mailbox.host", "127.0.0.1", "mailbox.port", Integer.toString(services.imapPort()),
                        "mailbox.username", SandboxServices.SUPPORT_ADDRESS, "mailbox.password", SandboxServices.SUPPORT_PASSWORD,
                        "mailbox.poll-interval", "PT1S", "mailbox.address", SandboxServices.SUPPORT_ADDRESS)),
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
                        "slack.server-url", services.slack.baseUrl()))));
    }

    String banner() {
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
                "  Health, metrics:      " + ((Map<?, ?>) d.get("operations")).get("health") + ", " + ((Map<?, ?>) d.get("operations")).get("metrics"),
                "  Send a test mail:     " + mail.get("send_a_test_mail"),
                compressedSla == null ? "  SLA policies:         shipped (restart with --compressed-sla for targets of seconds)"
                        : "  SLA policies:         compressed for demos (targets of seconds), editable live in " + compressedSla.folder(),
                "");
    }

    HubApplication hub() {
        return hub;
    }

    SandboxServices services() {
        return services;
    }

    @Override
    public void close() {
        try {
            hub.close();
        } finally {
            services.close();
            if (compressedSla != null) {
                compressedSla.close();
            }
        }
    }
}
