package io.supporthub.connector.spi;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The documented keys of one connector file ({@code connectors-config/<name>.properties}). */
public record ConnectorDefinition(String name, List<ConfigKey<?>> keys) {

    public ConnectorDefinition {
        keys = List.copyOf(keys);
        for (ConfigKey<?> key : keys) {
            if (!key.name().startsWith(name + ".")) {
                throw new IllegalArgumentException("key " + key.name() + " does not belong to connector " + name);
            }
        }
    }

    public String fileName() {
        return name + ".properties";
    }

    /** Rejects keys nobody reads: a typo such as {@code mailbox.pasword} must not pass silently. */
    public void rejectUnknownKeys(ConfigSource source) {
        rejectUnknownKeys(source, Set.of());
    }

    /** As above, where {@code alsoKnown} are keys the connector derives from other values (one set per named mailbox). */
    public void rejectUnknownKeys(ConfigSource source, java.util.Collection<String> alsoKnown) {
        Set<String> known = keys.stream().map(ConfigKey::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        known.addAll(alsoKnown);
        for (String key : source.values().keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException(source.name(), key, "is not a known key; known keys: " + String.join(", ", known));
            }
        }
    }

    /** Renders the effective configuration for the start-up log, secrets masked. */
    public String describe(ConfigSource source) {
        return keys.stream()
                .map(k -> k.name() + "=" + render(k, source))
                .collect(Collectors.joining(", ", name + " {", "}"));
    }

    private static String render(ConfigKey<?> key, ConfigSource source) {
        String value;
        try {
            value = source.raw(key.name());
        } catch (ConfigException e) {
            // an unresolvable reference of a key nobody reads (its connector is off): show the reference
            value = source.values().get(key.name());
        }
        if (value == null || value.isEmpty()) {
            value = key.defaultValue();
        }
        if (value == null || value.isEmpty()) {
            return "<unset>";
        }
        return key.isSecret() ? "[hidden]" : value;
    }
}
