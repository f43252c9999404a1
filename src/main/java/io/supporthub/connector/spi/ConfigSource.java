package io.supporthub.connector.spi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key/values of one configuration file, whose references are resolved when a key is read.
 *
 * <p>Committed files hold references, never values: {@code {{env:NAME}}}, {@code {{env:NAME:default}}}
 * and {@code {{file:/run/secrets/name}}} (the file's content, trimmed). Resolving on read means a
 * turned-off connector does not demand the variables of keys nobody reads.
 */
public final class ConfigSource {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{(env|file):([^}:]+)(?::([^}]*))?}}");

    private final String name;
    private final Map<String, String> values;
    private final UnaryOperator<String> environment;

    /** Literal values, as tests and the sandbox give them. */
    public ConfigSource(String name, Map<String, String> values) {
        this(name, values, variable -> null);
    }

    private ConfigSource(String name, Map<String, String> values, UnaryOperator<String> environment) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.environment = environment;
    }

    /** Reads a properties file and resolves its references against the given environment. */
    public static ConfigSource load(Path file, UnaryOperator<String> environment) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString(), environment);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "*", "could not be read: " + e.getMessage());
        }
    }

    /** Reads properties text (e.g. a classpath resource) named {@code name} in error messages. */
    public static ConfigSource load(Reader reader, String name, UnaryOperator<String> environment) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> raw = new LinkedHashMap<>();
        // sorted, so the same broken file always reports the same key first
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            raw.put(key, properties.getProperty(key).trim());
        }
        return new ConfigSource(name, raw, environment);
    }

    static String resolve(String source, String key, String raw, UnaryOperator<String> environment) {
        Matcher m = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group(1)) {
                case "env" -> {
                    String value = environment.apply(m.group(2));
                    if (value == null) {
                        value = m.group(3);
                    }
                    if (value == null) {
                        throw new ConfigException(source, key, "refers to environment variable " + m.group(2) + ", which is not set");
                    }
                    yield value;
                }
                default -> readSecretFile(source, key, m.group(2));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String readSecretFile(String source, String key, String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ConfigException(source, key, "refers to secret file " + path + ", which cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    public String name() {
        return name;
    }

    /** The value of a key with its references resolved, or null when the key is absent. */
    public String raw(String key) {
        String value = values.get(key);
        return value == null ? null : resolve(name, key, value, environment);
    }

    /** The keys as written, references unresolved. */
    public Map<String, String> values() {
        return values;
    }

    /** The typed value of a key, its default when absent, or a {@link ConfigException} naming file, key and expectation. */
    public <T> T get(ConfigKey<T> key) {
        String text = raw(key.name());
        if (text == null || text.isEmpty()) {
            if (key.isRequired()) {
                throw new ConfigException(name, key.name(), "is missing: expected " + key.type().expected() + " (" + key.description() + ")");
            }
            text = key.defaultValue();
        }
        try {
            return key.type().parser().apply(text);
        } catch (RuntimeException e) {
            String shown = key.isSecret() ? "[hidden]" : "'" + text + "'";
            throw new ConfigException(name, key.name(), "must be " + key.type().expected() + ", got " + shown);
        }
    }
}
