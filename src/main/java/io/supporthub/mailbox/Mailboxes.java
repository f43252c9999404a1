package io.supporthub.mailbox;

import static io.supporthub.mailbox.MailboxSettings.*;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConnectorDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mailboxes the hub polls, from {@code connectors-config/mailbox.properties}: one mailbox from the
 * plain {@code mailbox.*} keys, or several named in {@code mailbox.names}, each with its own keys
 * {@code mailbox.<name>.<key>} and the plain keys as shared defaults.
 *
 * @param enabled the mailboxes to poll, in the order configured; empty when mail intake is off
 */
public record Mailboxes(List<MailboxSettings> enabled) {

    /**
     * Batches of one mailbox's poll committing at the same time. A batch's commit alternates between the hub building
     * statements and PostgreSQL executing them; with two in flight each side works while the other batch is on the other.
     */
    public static final int COMMITS_IN_FLIGHT = 2;

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("mailbox",
            List.of(NAMES, ENABLED, PROTOCOL, HOST, PORT, USERNAME, PASSWORD, FOLDER, POLL_INTERVAL, MAX_PER_POLL, ADDRESS, QUEUE, CATEGORY,
                    INTAKE_THREADS, TIMEOUT, TRUSTED_AUTHSERV_IDS, UNVERIFIED_SENDER, AUTH, OAUTH2_TOKEN_URL, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, OAUTH2_REFRESH_TOKEN, OAUTH2_SCOPE));

    /** A mailbox name equal to a key's first word would make mailbox.<name>.<key> ambiguous (mailbox.oauth2.scope). */
    private static final Set<String> RESERVED = PER_MAILBOX.stream().map(k -> k.name().substring("mailbox.".length()).split("\\.")[0])
            .collect(Collectors.toUnmodifiableSet());

    public Mailboxes {
        enabled = List.copyOf(enabled);
    }

    public static Mailboxes from(ConfigSource source) {
        List<String> names = names(source);
        DEFINITION.rejectUnknownKeys(source, perMailboxKeys(names));
        List<MailboxSettings> mailboxes = new ArrayList<>();
        if (names.isEmpty()) {
            MailboxKeys keys = new MailboxKeys(source, null);
            if (keys.get(ENABLED)) {
                mailboxes.add(MailboxSettings.read(DEFAULT_NAME, keys));
            }
        } else {
            for (String name : names) {
                MailboxKeys keys = new MailboxKeys(source, name);
                if (keys.get(ENABLED)) {
                    mailboxes.add(MailboxSettings.read(name, keys));
                }
            }
        }
        rejectSameFolderTwice(source, mailboxes);
        return new Mailboxes(mailboxes);
    }

    private static List<String> names(ConfigSource source) {
        String list = source.get(NAMES).strip();
        if (list.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String name = raw.strip();
            if (RESERVED.contains(name)) {
                throw new ConfigException(source.name(), NAMES.name(), "names a mailbox '" + name + "', which is also a key name; choose another name");
            }
            if (!names.add(name)) {
                throw new ConfigException(source.name(), NAMES.name(), "names the mailbox '" + name + "' twice");
            }
        }
        return List.copyOf(names);
    }

    private static Set<String> perMailboxKeys(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            PER_MAILBOX.forEach(k -> keys.add(MailboxKeys.ownName(name, k)));
        }
        return keys;
    }

    /** Two entries polling one folder would fetch every mail twice and fight over its \Seen flags. */
    private static void rejectSameFolderTwice(ConfigSource source, List<MailboxSettings> mailboxes) {
        Map<String, String> byLocation = new LinkedHashMap<>();
        for (MailboxSettings mailbox : mailboxes) {
            String other = byLocation.putIfAbsent(mailbox.location().toLowerCase(java.util.Locale.ROOT), mailbox.name());
            if (other != null) {
                throw new ConfigException(source.name(), NAMES.name(), "has mailboxes " + other + " and " + mailbox.name()
                        + " that both poll " + mailbox.location() + "; give each its own folder or account");
            }
        }
    }

    public boolean any() {
        return !enabled.isEmpty();
    }

    public Optional<MailboxSettings> byName(String name) {
        return enabled.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The placeholders the shared routes read (the per-mailbox routes get their values as template parameters). */
    public Map<String, String> routeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mailbox.enabled", Boolean.toString(any()));
        long shortest = enabled.stream().map(MailboxSettings::pollInterval).min(Duration::compareTo).orElse(Duration.ofSeconds(10)).toMillis();
        p.put("mailbox.poll-delay-ms", Long.toString(Math.max(shortest, 100)));
        // committers enough for every mailbox's batches in flight: a busy mailbox never delays another
        p.put("mailbox.committers", Integer.toString(Math.max(1, enabled.size()) * COMMITS_IN_FLIGHT));
        return p;
    }

    /** For the start-up log: each named mailbox's effective keys, inherited ones included, secrets masked. */
    public static List<String> describe(ConfigSource source) {
        List<String> lines = new ArrayList<>();
        for (String name : names(source)) {
            StringBuilder line = new StringBuilder("mailbox " + name + " {");
            for (int i = 0; i < PER_MAILBOX.size(); i++) {
                ConfigKey<?> key = PER_MAILBOX.get(i);
                line.append(i == 0 ? "" : ", ").append(key.name().substring("mailbox.".length())).append('=').append(render(source, name, key));
            }
            lines.add(line.append('}').toString());
        }
        return lines;
    }

    private static String render(ConfigSource source, String name, ConfigKey<?> key) {
        String value = rawOrReference(source, MailboxKeys.ownName(name, key));
        if (value == null || value.isEmpty()) {
            value = rawOrReference(source, key.name());
        }
        if (value == null || value.isEmpty()) {
            value = key.defaultValue();
        }
        if (value == null || value.isEmpty()) {
            return "<unset>";
        }
        return key.isSecret() ? "[hidden]" : value;
    }

    private static String rawOrReference(ConfigSource source, String key) {
        try {
            return source.raw(key);
        } catch (ConfigException unresolved) {
            return source.values().get(key);
        }
    }
}
