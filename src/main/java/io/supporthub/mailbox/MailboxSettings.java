package io.supporthub.mailbox;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.Secret;
import io.supporthub.mail.auth.SenderPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One mailbox the hub polls over IMAP(S), with the defaults its tickets get.
 *
 * @param name the mailbox's name in the configuration ({@code default} for the single mailbox of the plain keys)
 * @param queue the queue for tickets no more specific routing rule places, or null
 * @param categoryHint the category for tickets no category rule places (instead of the text classifier), or null
 * @param maxMessagesPerPoll the most mails fetched, committed and flagged together (one FETCH, one transaction, one STORE)
 * @param intakeThreads how many of one batch's mails are read, threaded and triaged at the same time
 * @param timeout how long the IMAP server may take to accept the connection or answer a command
 * @param senderPolicy whose Authentication-Results the mailbox believes, and whether it trusts senders nothing verifies
 */
public record MailboxSettings(String name, String protocol, String host, int port, String username, Secret password, String folder,
                              Duration pollInterval, int maxMessagesPerPoll, String address, OAuth2 oauth2, String queue,
                              String categoryHint, int intakeThreads, Duration timeout, SenderPolicy senderPolicy) {

    /** XOAUTH2 login (Microsoft 365, Google Workspace): the token endpoint and the app's credentials; null for password login. */
    public record OAuth2(java.net.URI tokenUrl, String clientId, Secret clientSecret, Secret refreshToken, String scope) {
    }

    /** The name of the mailbox configured by the plain {@code mailbox.*} keys when {@code mailbox.names} is empty. */
    public static final String DEFAULT_NAME = "default";

    static final ConfigType<String> NAME_LIST = new ConfigType<>("a comma-separated list of names made of lower-case letters, digits and '-'", s -> {
        for (String name : s.isBlank() ? new String[0] : s.split(",")) {
            if (!name.strip().matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException();
            }
        }
        return s;
    });
    static final ConfigType<String> OPTIONAL_CODE = new ConfigType<>("empty, or a lower-case name such as billing", s -> {
        if (!s.isEmpty() && !s.matches("[a-z][a-z0-9_-]{0,59}")) {
            throw new IllegalArgumentException();
        }
        return s;
    });

    static final ConfigKey<String> NAMES = ConfigKey.optional("mailbox.names", NAME_LIST, "",
            "Names of several mailboxes (e.g. support, billing); each takes its keys as mailbox.<name>.<key> and inherits the plain "
                    + "mailbox.<key> it leaves out; empty: one mailbox, configured by the plain keys");
    static final ConfigKey<Boolean> ENABLED = ConfigKey.optional("mailbox.enabled", ConfigType.BOOLEAN, "true", "Poll the mailbox; false turns mail intake off");
    static final ConfigKey<String> PROTOCOL = ConfigKey.optional("mailbox.protocol", ConfigType.oneOf("imaps", "imap"), "imaps", "imaps (TLS, the default) or imap (plain, for local servers only)");
    static final ConfigKey<String> HOST = ConfigKey.required("mailbox.host", ConfigType.TEXT, "IMAP server host name");
    static final ConfigKey<Integer> PORT = ConfigKey.optional("mailbox.port", ConfigType.PORT, "993", "IMAP server port");
    static final ConfigKey<String> USERNAME = ConfigKey.required("mailbox.username", ConfigType.TEXT, "IMAP login name");
    static final ConfigKey<Secret> PASSWORD = ConfigKey.required("mailbox.password", ConfigType.SECRET, "IMAP password or app password (password login)");
    static final ConfigKey<String> FOLDER = ConfigKey.optional("mailbox.folder", ConfigType.TEXT, "INBOX", "Folder to poll");
    static final ConfigKey<Duration> POLL_INTERVAL = ConfigKey.optional("mailbox.poll-interval", ConfigType.DURATION, "PT10S", "Time between polls");
    static final ConfigKey<Integer> MAX_PER_POLL = ConfigKey.optional("mailbox.max-messages-per-poll", ConfigType.POSITIVE_INT, "500",
            "Most mails fetched, committed and flagged seen together; a poll works a flooded mailbox off in batches of this size");
    static final ConfigKey<String> ADDRESS = ConfigKey.required("mailbox.address", ConfigType.EMAIL, "The support address customers write to");
    static final ConfigKey<String> QUEUE = ConfigKey.optional("mailbox.queue", OPTIONAL_CODE, "",
            "Queue for this mailbox's tickets that no emergency, refund, priority-customer or technical rule places (e.g. billing); empty: the router decides");
    static final ConfigKey<String> CATEGORY = ConfigKey.optional("mailbox.category", OPTIONAL_CODE, "",
            "Category of this mailbox's tickets when no category rule matches, instead of the text classifier's guess (e.g. billing); empty: none");
    static final ConfigKey<Integer> INTAKE_THREADS = ConfigKey.optional("mailbox.intake-threads", ConfigType.POSITIVE_INT, "4",
            "How many mails of one batch are read, threaded, enriched and triaged at the same time");
    static final ConfigKey<Duration> TIMEOUT = ConfigKey.optional("mailbox.timeout", ConfigType.DURATION, "PT60S",
            "How long the IMAP server may take to accept the connection or answer a command before the poll fails");
    static final ConfigType<String> AUTHSERV_IDS = new ConfigType<>("empty, or comma-separated authserv-ids such as mx.google.com", s -> {
        for (String id : s.isBlank() ? new String[0] : s.split(",")) {
            if (!id.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,252}")) {
                throw new IllegalArgumentException();
            }
        }
        return s;
    });
    static final ConfigKey<String> TRUSTED_AUTHSERV_IDS = ConfigKey.optional("mailbox.trusted-authserv-ids", AUTHSERV_IDS, "",
            "Authserv-ids of the receiving mail servers whose Authentication-Results this mailbox believes (the first word of the header "
                    + "they stamp, e.g. mx.google.com); results of any other server, or written below the sender's own header fields, never count");
    static final ConfigKey<String> UNVERIFIED_SENDER = ConfigKey.optional("mailbox.unverified-sender", ConfigType.oneOf("restricted", "trusted"),
            "restricted", "How mail is treated whose sender neither a trusted server's results nor an aligned DKIM signature verify: restricted "
                    + "(as mail that failed: no CRM tier, caps of its own, joins a ticket only by naming a message the hub sent) or trusted");
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

    /** The keys each named mailbox may set for itself as {@code mailbox.<name>.<key>}: all but the list of names. */
    static final List<ConfigKey<?>> PER_MAILBOX = List.of(ENABLED, PROTOCOL, HOST, PORT, USERNAME, PASSWORD, FOLDER, POLL_INTERVAL,
            MAX_PER_POLL, ADDRESS, QUEUE, CATEGORY, INTAKE_THREADS, TIMEOUT, TRUSTED_AUTHSERV_IDS, UNVERIFIED_SENDER, AUTH, OAUTH2_TOKEN_URL,
            OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, OAUTH2_REFRESH_TOKEN, OAUTH2_SCOPE);

    /** Reads one mailbox through its keys (its own, else the shared plain ones); only called for an enabled mailbox. */
    static MailboxSettings read(String name, MailboxKeys keys) {
        OAuth2 oauth2 = null;
        Secret password;
        if (keys.get(AUTH).equals("xoauth2")) {
            oauth2 = new OAuth2(keys.get(OAUTH2_TOKEN_URL), requiredForXoauth2(keys, OAUTH2_CLIENT_ID),
                    keys.get(OAUTH2_CLIENT_SECRET), requiredForXoauth2(keys, OAUTH2_REFRESH_TOKEN), keys.get(OAUTH2_SCOPE));
            password = Secret.of("");
        } else {
            password = keys.get(PASSWORD);
        }
        return new MailboxSettings(name, keys.get(PROTOCOL), keys.get(HOST), keys.get(PORT), keys.get(USERNAME), password,
                keys.get(FOLDER), keys.get(POLL_INTERVAL), keys.get(MAX_PER_POLL), keys.get(ADDRESS), oauth2, emptyToNull(keys.get(QUEUE)),
                emptyToNull(keys.get(CATEGORY)), keys.get(INTAKE_THREADS), keys.get(TIMEOUT), senderPolicy(keys));
    }

    private static SenderPolicy senderPolicy(MailboxKeys keys) {
        return new SenderPolicy(Arrays.stream(keys.get(TRUSTED_AUTHSERV_IDS).split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .collect(Collectors.toSet()), keys.get(UNVERIFIED_SENDER).equals("trusted"));
    }

    private static <T> T requiredForXoauth2(MailboxKeys keys, ConfigKey<T> key) {
        T value = keys.get(key);
        if (value.toString().isEmpty() || value instanceof Secret s && s.isEmpty()) {
            throw new ConfigException(keys.sourceName(), keys.nameOf(key), "is required when mailbox.auth=xoauth2: " + key.description());
        }
        return value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Where the mailbox lives, for messages and for telling two configured mailboxes apart. */
    public String location() {
        return username + "@" + host + ":" + port + "/" + folder;
    }
}
