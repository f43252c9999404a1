package io.supporthub.testing;

import io.supporthub.app.ConnectorSettings;
import io.supporthub.app.HubApplication;
import io.supporthub.app.HubCommand;
import io.supporthub.app.HubSettings;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boots the real application — real YAML routes, real PostgreSQL — with only the edges swapped:
 * connector settings pointing at GreenMail and WireMock, and random HTTP ports.
 */
public final class HubUnderTest {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private final Map<String, Map<String, String>> connectors = new HashMap<>();
    private final Map<String, String> camel = new HashMap<>(Map.of("camel.server.port", "0", "camel.management.port", "0"));
    private final Map<String, Object> beans = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> routeDirs = new java.util.ArrayList<>();

    /** A mailbox on GreenMail that believes the Authentication-Results of the tests' receiving server ({@link TestMails#RECEIVING_SERVER}). */
    public HubUnderTest mailbox(int imapPort, String address, String password) {
        connectors.put("mailbox", Map.of("mailbox.protocol", "imap", "mailbox.host", "127.0.0.1", "mailbox.port", Integer.toString(imapPort),
                "mailbox.username", address, "mailbox.password", password, "mailbox.poll-interval", "PT0.2S", "mailbox.address", address,
                "mailbox.trusted-authserv-ids", TestMails.RECEIVING_SERVER));
        return this;
    }

    /** The mailbox connector's keys as given, e.g. several named mailboxes (mailbox.names and mailbox.<name>.*). */
    public HubUnderTest mailboxKeys(Map<String, String> keys) {
        connectors.put("mailbox", Map.copyOf(keys));
        return this;
    }

    /** A mailbox that logs in with XOAUTH2, its tokens from the given token endpoint. */
    public HubUnderTest xoauth2Mailbox(int imapPort, String address, String tokenUrl, String refreshToken) {
        connectors.put("mailbox", Map.ofEntries(Map.entry("mailbox.protocol", "imap"), Map.entry("mailbox.host", "127.0.0.1"),
                Map.entry("mailbox.port", Integer.toString(imapPort)), Map.entry("mailbox.username", address), Map.entry("mailbox.auth", "xoauth2"),
                Map.entry("mailbox.oauth2.token-url", tokenUrl), Map.entry("mailbox.oauth2.client-id", "hub-test"),
                Map.entry("mailbox.oauth2.client-secret", "client-secret"), Map.entry("mailbox.oauth2.refresh-token", refreshToken),
                Map.entry("mailbox.poll-interval", "PT0.2S"), Map.entry("mailbox.address", address)));
        return this;
    }

    /** An environment variable as the hub's application.properties would read it (e.g. HUB_SECRET_KEYS). */
    public HubUnderTest environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public HubUnderTest smtp(int smtpPort, String from) {
        return smtp(smtpPort, from, Map.of());
    }

    /** SMTP with further smtp.* keys, e.g. the loop caps. */
    public HubUnderTest smtp(int smtpPort, String from, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("smtp.host", "127.0.0.1", "smtp.port", Integer.toString(smtpPort), "smtp.starttls", "false",
                "smtp.from-address", from, "smtp.message-id-domain", "hub.test"));
        values.putAll(more);
        connectors.put("smtp", values);
        return this;
    }

    /** The DKIM keys DNS would publish, e.g. {@link TestDkim#published()}: the hub looks keys up there instead. */
    public HubUnderTest dkimKeys(io.supporthub.mail.auth.DkimKeys keys) {
        beans.put("hubDkimKeys", keys);
        return this;
    }

    /** The clock the hub reads time from; a test moves it instead of waiting. */
    public HubUnderTest clock(java.time.Clock clock) {
        beans.put("hubClock", clock);
        return this;
    }

    public HubUnderTest salesforce(String baseUrl) {
        return salesforce(baseUrl, "test-client", "test-secret", "hub@test.local", "test-password");
    }

    /** Salesforce with the given connected-app and user credentials (a simulator checks them). */
    public HubUnderTest salesforce(String baseUrl, String clientId, String clientSecret, String username, String password) {
        connectors.put("salesforce", Map.of("salesforce.login-url", baseUrl, "salesforce.client-id", clientId,
                "salesforce.client-secret", clientSecret, "salesforce.username", username, "salesforce.password", password,
                "salesforce.timeout", "PT2S", "salesforce.reenrich-interval", "PT0.5S"));
        return this;
    }

    public HubUnderTest slackWebhook(String webhookUrl) {
        connectors.put("slack", Map.of("slack.mode", "webhook", "slack.webhook-url", webhookUrl));
        return this;
    }

    /** Slack in token mode against a local Web API (WireMock), with further slack.* keys such as slack.channels. */
    public HubUnderTest slackToken(String serverUrl, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("slack.mode", "token", "slack.token", "xoxb-test-token", "slack.server-url", serverUrl));
        values.putAll(more);
        connectors.put("slack", values);
        return this;
    }

    /** A further folder of *.camel.yaml routes, loaded beside the production ones. */
    public HubUnderTest routes(String dir) {
        routeDirs.add(dir);
        return this;
    }

    /** A further bean in the registry, for a test route to call. */
    public HubUnderTest bean(String name, Object bean) {
        beans.put(name, bean);
        return this;
    }

    /** Slack through the Web API's chat.postMessage with a bot token, at {@code serverUrl} (Slack's own URL in production). */
    public HubUnderTest slackToken(String serverUrl, String token, String channel) {
        connectors.put("slack", Map.of("slack.mode", "token", "slack.token", token, "slack.server-url", serverUrl, "slack.channel", channel));
        return this;
    }

    public HubUnderTest camelProperty(String key, String value) {
        camel.put(key, value);
        return this;
    }

    /** One more key for a connector configured above, e.g. the org's own CRM field names. */
    public HubUnderTest connectorSetting(String connector, String key, String value) {
        Map<String, String> values = new HashMap<>(connectors.getOrDefault(connector, Map.of()));
        values.put(key, value);
        connectors.put(connector, values);
        return this;
    }

    public HubApplication start() throws Exception {
        connectors.putIfAbsent("mailbox", Map.of("mailbox.enabled", "false"));
        connectors.putIfAbsent("smtp", Map.of("smtp.enabled", "false"));
        connectors.putIfAbsent("salesforce", Map.of("salesforce.enabled", "false"));
        connectors.putIfAbsent("slack", Map.of("slack.enabled", "false"));
        Map<String, ConfigSource> sources = new HashMap<>();
        connectors.forEach((name, values) -> sources.put(name, new ConfigSource("test:" + name, values)));
        HubSettings hub = HubCommand.loadHubSettings(environment::get)
                .withDatabase(TestDatabase.create(), "postgres", Secret.of(""))
                .withAdminToken(Secret.of(ADMIN_TOKEN));
        return HubApplication.start(hub, ConnectorSettings.from(sources), routeDirs, camel, beans);
    }
}
