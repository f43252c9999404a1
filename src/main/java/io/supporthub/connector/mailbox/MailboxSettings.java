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
                              String folder, Duration pollInterval, int maxMessagesPerPoll, String address) {

    static final ConfigKey<Boolean> ENABLED = ConfigKey.optional("mailbox.enabled", ConfigType.BOOLEAN, "true", "Poll the mailbox; false turns mail intake off");
    static final ConfigKey<String> PROTOCOL = ConfigKey.optional("mailbox.protocol", ConfigType.oneOf("imaps", "imap"), "imaps", "imaps (TLS, the default) or imap (plain, for local servers only)");
    static final ConfigKey<String> HOST = ConfigKey.required("mailbox.host", ConfigType.TEXT, "IMAP server host name");
    static final ConfigKey<Integer> PORT = ConfigKey.optional("mailbox.port", ConfigType.PORT, "993", "IMAP server port");
    static final ConfigKey<String> USERNAME = ConfigKey.required("mailbox.username", ConfigType.TEXT, "IMAP login name");
    static final ConfigKey<Secret> PASSWORD = ConfigKey.required("mailbox.password", ConfigType.SECRET, "IMAP password or app password");
    static final ConfigKey<String> FOLDER = ConfigKey.optional("mailbox.folder", ConfigType.TEXT, "INBOX", "Folder to poll");
    static final ConfigKey<Duration> POLL_INTERVAL = ConfigKey.optional("mailbox.poll-interval", ConfigType.DURATION, "PT10S", "Time between polls");
    static final ConfigKey<Integer> MAX_PER_POLL = ConfigKey.optional("mailbox.max-messages-per-poll", ConfigType.POSITIVE_INT, "100", "Most messages taken in one poll, so a flooded mailbox is worked off in steps");
    static final ConfigKey<String> ADDRESS = ConfigKey.required("mailbox.address", ConfigType.EMAIL, "The support address customers write to");

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("mailbox",
            List.of(ENABLED, PROTOCOL, HOST, PORT, USERNAME, PASSWORD, FOLDER, POLL_INTERVAL, MAX_PER_POLL, ADDRESS));

    public static MailboxSettings from(ConfigSource source) {
        DEFINITION.rejectUnknownKeys(source);
        if (!source.get(ENABLED)) {
            return new MailboxSettings(false, "imap", "localhost", 143, "", Secret.of(""), "INBOX", Duration.ofSeconds(10), 100, "support@localhost");
        }
        return new MailboxSettings(true, source.get(PROTOCOL), source.get(HOST), source.get(PORT), source.get(USERNAME),
                source.get(PASSWORD), source.get(FOLDER), source.get(POLL_INTERVAL), source.get(MAX_PER_POLL), source.get(ADDRESS));
    }

    /** The placeholders {@code routes/intake-mailbox.camel.yaml} reads. */
    public Map<String, String> routeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mailbox.enabled", Boolean.toString(enabled));
        p.put("mailbox.protocol", protocol);
        p.put("mailbox.host", host);
        p.put("mailbox.port", Integer.toString(port));
        p.put("mailbox.username", username);
        p.put("mailbox.password", password.reveal());
        p.put("mailbox.folder", folder);
        p.put("mailbox.poll-delay-ms", Long.toString(pollInterval.toMillis()));
        p.put("mailbox.max-messages-per-poll", Integer.toString(maxMessagesPerPoll));
        p.put("mailbox.address", address);
        return p;
    }
}
