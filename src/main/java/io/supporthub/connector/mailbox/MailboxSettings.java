package io.supporthub.connector.mailbox;

import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.ConnectorDefinition;
import io.supporthub.connector.spi.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The support mailbox the hub polls over IMAP(S). */
public record MailboxSettings(boolean enabled, String protocol, String host, int port, String username, Secret password,
                              String folder, Duration pollInterval, int maxMessagesPerPoll, String address, OAuth2 oauth2) {

    /** XOAUTH2 login (Microsoft 365, Google Workspace): the token endpoint and the app's credentials; null for password login. */
    public record OAuth2(java.net.URI tokenUrl, String clientId, Secret clientSecret, Secret refreshToken, String scope) {
    }

    static final ConfigKey<Boolean> ENABLED = ConfigKey.optional("mailbox.enabled", ConfigType.BOOLEAN, "true", "Poll the mailbox; false turns mail intake off");
    static final ConfigKey<String> PROTOCOL = ConfigKey.optional("mailbox.protocol", ConfigType.oneOf("imaps", "imap"), "imaps", "imaps (TLS, the default) or imap (plain, for local servers only)");
    static final ConfigKey<String> HOST = ConfigKey.required("mailbox.host", ConfigType.TEXT, "IMAP server host name");
    static final ConfigKey<Integer> PORT = ConfigKey.optional("mailbox.port", ConfigType.PORT, "993", "IMAP server port");
    static final ConfigKey<String> USERNAME = ConfigKey.required("mailbox.username", ConfigType.TEXT, "IMAP login name");
    static final ConfigKey<Secret> PASSWORD = ConfigKey.required("mailbox.password", ConfigType.SECRET, "IMAP password or app password (password login)");
    static final ConfigKey<String> FOLDER = ConfigKey.optional("mailbox.folder", ConfigType.TEXT, "INBOX", "Folder to poll");
    static final ConfigKey<Duration> POLL_INTERVAL = ConfigKey.optional("mailbox.poll-interval", ConfigType.DURATION, "PT10S", "Time between polls");
    static final ConfigKey<Integer> MAX_PER_POLL = ConfigKey.optional("mailbox.max-messages-per-poll", ConfigType.POSITIVE_INT, "100", "Most messages taken in one poll, so a flooded mailbox is worked off in steps");
    static final ConfigKey<String> ADDRESS = ConfigKey.required("mailbox.address", ConfigType.EMAIL, "The support address customers write to");
    static final ConfigKey<String> AUTH = ConfigKey.optional("mailbox.auth", ConfigType.oneOf("password", "xoauth2"), "password",
            "password (mailbox.password) or xoauth2 (an OAuth 2.0 access token from mailbox.oauth2.*)");
    static final ConfigKey<java.net.URI> OAUTH2_TOKEN_URL = ConfigKey.optional("mailbox.oauth2.token-url", ConfigType.URL,
            "https://login.microsoftonline.com/common/oauth2/v2.0/token", "Token endpoint of the mailbox's identity provider (xoauth2)");
    static final ConfigKey<String> OAUTH2_CLIENT_ID = ConfigKey.optional("mailbox.oauth2.client-id", ConfigType.TEXT, "", "OAuth client id (xoauth2)");
    static final ConfigKey<Secret> OAUTH2_CLIENT_SECRET = ConfigKey.optional("mailbox.oauth2.client-secret", ConfigType.SECRET, "", "OAuth client secret (xoauth2)");
    static final ConfigKey<Secret> OAUTH2_REFRESH_TOKEN = ConfigKey.optional("mailbox.oauth2.refresh-token", ConfigType.SECRET, "",
            "Refresh token granted to the hub for the mailbox (xoauth2); a rotated one is kept encrypted in the database");
    static final ConfigKey<String> OAUTH2_SCOPE = ConfigKey.optional("mailbox.oauth2.scope", ConfigType.TEXT,
            "https://outlook.office.com/IMAP.AccessAsUser.All offline_access", "Scopes asked for (xoauth2)");

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("mailbox",
            List.of(ENABLED, PROTOCOL, HOST, PORT, USERNAME, PASSWORD, FOLDER, POLL_INTERVAL, MAX_PER_POLL, ADDRESS, AUTH,
                    OAUTH2_TOKEN_URL, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, OAUTH2_REFRESH_TOKEN, OAUTH2_SCOPE));

    public static MailboxSettings from(ConfigSource source) {
        DEFINITION.rejectUnknownKeys(source);
        if (!source.get(ENABLED)) {
            return new MailboxSettings(false, "imap", "localhost", 143, "", Secret.of(""), "INBOX", Duration.ofSeconds(10), 100,
                    "support@localhost", null);
        }
        OAuth2 oauth2 = null;
        Secret password;
        if (source.get(AUTH).equals("xoauth2")) {
            oauth2 = new OAuth2(source.get(OAUTH2_TOKEN_URL), requiredForXoauth2(source, OAUTH2_CLIENT_ID),
                    source.get(OAUTH2_CLIENT_SECRET), requiredForXoauth2(source, OAUTH2_REFRESH_TOKEN), source.get(OAUTH2_SCOPE));
            password = Secret.of("");
        } else {
            password = source.get(PASSWORD);
        }
        return new MailboxSettings(true, source.get(PROTOCOL), source.get(HOST), source.get(PORT), source.get(USERNAME),
                password, source.get(FOLDER), source.get(POLL_INTERVAL), source.get(MAX_PER_POLL), source.get(ADDRESS), oauth2);
    }

    private static <T> T requiredForXoauth2(ConfigSource source, ConfigKey<T> key) {
        T value = source.get(key);
        if (value.toString().isEmpty() || value instanceof Secret s && s.isEmpty()) {
            throw new io.supporthub.connector.spi.ConfigException(source.name(), key.name(), "is required when mailbox.auth=xoauth2: " + key.description());
        }
        return value;
    }

    /** The placeholders {@code routes/intake-mailbox.camel.yaml} reads. */
    public Map<String, String> routeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mailbox.enabled", Boolean.toString(enabled));
        p.put("mailbox.protocol", protocol);
        p.put("mailbox.host", host);
        p.put("mailbox.port", Integer.toString(port));
        p.put("mailbox.username", username);
        p.put("mailbox.folder", folder);
        p.put("mailbox.poll-delay-ms", Long.toString(pollInterval.toMillis()));
        p.put("mailbox.max-messages-per-poll", Integer.toString(maxMessagesPerPoll));
        p.put("mailbox.address", address);
        return p;
    }
}
