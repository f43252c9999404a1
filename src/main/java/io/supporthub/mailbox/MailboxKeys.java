package io.supporthub.mailbox;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;

/**
 * The keys of one mailbox: a named mailbox's own {@code mailbox.<name>.<key>}, else the shared plain
 * {@code mailbox.<key>}, else the key's default. Errors name the key the admin has to fix.
 */
final class MailboxKeys {

    private final ConfigSource source;
    private final String name;

    /** @param name the mailbox's name, or null for the single mailbox of the plain keys */
    MailboxKeys(ConfigSource source, String name) {
        this.source = source;
        this.name = name;
    }

    <T> T get(ConfigKey<T> key) {
        if (name == null) {
            return source.get(key);
        }
        ConfigKey<T> own = own(key);
        if (isSet(own.name())) {
            return source.get(own);
        }
        if (isSet(key.name())) {
            return source.get(key);
        }
        if (key.isRequired()) {
            throw new ConfigException(source.name(), own.name(), "is missing: expected " + key.type().expected() + " (" + key.description()
                    + "); set it for this mailbox, or " + key.name() + " for every mailbox");
        }
        return source.get(key);
    }

    /** The name of the key that holds this mailbox's value, for error messages. */
    String nameOf(ConfigKey<?> key) {
        return name == null || !isSet(own(key).name()) && isSet(key.name()) ? key.name() : own(key).name();
    }

    String sourceName() {
        return source.name();
    }

    static String ownName(String mailbox, ConfigKey<?> key) {
        return "mailbox." + mailbox + "." + key.name().substring("mailbox.".length());
    }

    private <T> ConfigKey<T> own(ConfigKey<T> key) {
        return new ConfigKey<>(ownName(name, key), key.type(), key.defaultValue(), key.description());
    }

    private boolean isSet(String key) {
        String value = source.raw(key);
        return value != null && !value.isEmpty();
    }
}
