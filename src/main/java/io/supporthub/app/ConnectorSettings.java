package io.supporthub.app;

import io.supporthub.mailbox.Mailboxes;
import io.supporthub.connector.salesforce.SalesforceSettings;
import io.supporthub.connector.slack.SlackSettings;
import io.supporthub.connector.smtp.SmtpSettings;
import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConnectorDefinition;
import io.supporthub.connector.zendesk.ZendeskSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The typed, validated settings of every connector, read from {@code connectors-config/}. */
public record ConnectorSettings(Mailboxes mailboxes, SmtpSettings smtp, SalesforceSettings salesforce, SlackSettings slack,
                                ZendeskSettings zendesk, List<String> effectiveConfiguration) {

    public static final List<ConnectorDefinition> DEFINITIONS = List.of(Mailboxes.DEFINITION, SmtpSettings.DEFINITION,
            SalesforceSettings.DEFINITION, SlackSettings.DEFINITION, ZendeskSettings.DEFINITION);

    /** Reads {@code <dir>/<connector>.properties} for every connector; a missing file is an error that names it. */
    public static ConnectorSettings load(Path directory, UnaryOperator<String> environment) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigException(directory.toString(), "hub.connectors-config-dir",
                    "names a directory that does not exist (working directory: " + Path.of("").toAbsolutePath() + ")");
        }
        Map<String, ConfigSource> sources = new LinkedHashMap<>();
        for (ConnectorDefinition definition : DEFINITIONS) {
            Path file = directory.resolve(definition.fileName());
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file.toString(), definition.name() + ".*",
                        "cannot be read: the file is missing (copy it from the project's connectors-config/ templates)");
            }
            sources.put(definition.name(), ConfigSource.load(file, environment));
        }
        return from(sources);
    }

    public static ConnectorSettings from(Map<String, ConfigSource> sources) {
        List<String> effective = new java.util.ArrayList<>(DEFINITIONS.stream()
                .map(d -> d.describe(sources.getOrDefault(d.name(), new ConfigSource(d.fileName(), Map.of()))))
                .toList());
        effective.addAll(Mailboxes.describe(source(sources, "mailbox")));
        return new ConnectorSettings(Mailboxes.from(source(sources, "mailbox")), SmtpSettings.from(source(sources, "smtp")),
                SalesforceSettings.from(source(sources, "salesforce")), SlackSettings.from(source(sources, "slack")),
                ZendeskSettings.from(source(sources, "zendesk")), effective);
    }

    private static ConfigSource source(Map<String, ConfigSource> sources, String name) {
        ConfigSource source = sources.get(name);
        return source != null ? source : new ConfigSource(name + ".properties", Map.of());
    }

    /** Everything the YAML routes and the Camel components read as {@code {{placeholders}}}. */
    public Map<String, String> camelProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.putAll(mailboxes.routeProperties());
        properties.putAll(smtp.routeProperties());
        properties.putAll(salesforce.camelProperties());
        properties.putAll(slack.routeProperties());
        return properties;
    }
}
