package io.supporthub.connector.spi;

import java.util.Objects;

/**
 * One documented configuration key: its type, default and description.
 *
 * @param defaultValue the value used when the key is absent; null makes the key required
 */
public record ConfigKey<T>(String name, ConfigType<T> type, String defaultValue, String description) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("configuration key " + name + " needs a description");
        }
    }

    public static <T> ConfigKey<T> required(String name, ConfigType<T> type, String description) {
        return new ConfigKey<>(name, type, null, description);
    }

    public static <T> ConfigKey<T> optional(String name, ConfigType<T> type, String defaultValue, String description) {
        return new ConfigKey<>(name, type, Objects.requireNonNull(defaultValue, "defaultValue"), description);
    }

    public boolean isSecret() {
        return type == ConfigType.SECRET;
    }

    public boolean isRequired() {
        return defaultValue == null;
    }
}
