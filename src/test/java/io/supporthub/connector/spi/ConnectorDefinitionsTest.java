package io.supporthub.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.app.ConnectorSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Walks every connector key: each is documented, each template names it, and no secret renders in clear. */
class ConnectorDefinitionsTest {

    @Test
    void every_connector_key_has_a_description_and_appears_in_its_committed_template() throws IOException {
        for (ConnectorDefinition definition : ConnectorSettings.DEFINITIONS) {
            Path template = Path.of("connectors-config", definition.fileName());
            assertThat(template).as("template for " + definition.name()).exists();
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(template)) {
                properties.load(reader);
            }
            for (ConfigKey<?> key : definition.keys()) {
                assertThat(key.description()).as(key.name()).isNotBlank();
                assertThat(Files.readString(template)).as(template + " mentions " + key.name()).contains(key.name());
                if (key.isSecret() && properties.getProperty(key.name()) != null) {
                    assertThat(properties.getProperty(key.name())).as("committed value of secret " + key.name())
                            .matches("(\\{\\{(env|file):[^}]+}})?");
                }
            }
            for (String name : properties.stringPropertyNames()) {
                assertThat(definition.keys().stream().map(ConfigKey::name)).as(template + " key " + name + " is known").contains(name);
            }
        }
    }

    @Test
    void effective_configuration_and_settings_records_mask_every_secret() {
        Map<String, ConfigSource> sources = new HashMap<>();
        List<String> secrets = List.of("imap-secret", "smtp-secret", "sf-client-secret", "sf-password", "https://hooks.slack.com/services/T/B/secret",
                "zd-api-token", "zd-webhook-signing-secret");
        sources.put("mailbox", new ConfigSource("mailbox.properties", Map.of("mailbox.host", "imap.example.com", "mailbox.username", "support",
                "mailbox.password", secrets.get(0), "mailbox.address", "support@example.com")));
        sources.put("smtp", new ConfigSource("smtp.properties", Map.of("smtp.host", "smtp.example.com", "smtp.username", "support",
                "smtp.password", secrets.get(1), "smtp.from-address", "support@example.com")));
        sources.put("salesforce", new ConfigSource("salesforce.properties", Map.of("salesforce.client-id", "id",
                "salesforce.client-secret", secrets.get(2), "salesforce.username", "hub@example.com", "salesforce.password", secrets.get(3))));
        sources.put("slack", new ConfigSource("slack.properties", Map.of("slack.webhook-url", secrets.get(4))));
        sources.put("zendesk", new ConfigSource("zendesk.properties", Map.of("zendesk.enabled", "true", "zendesk.base-url", "https://acme.zendesk.com",
                "zendesk.email", "hub@acme.example", "zendesk.api-token", secrets.get(5), "zendesk.webhook-secret", secrets.get(6))));
        ConnectorSettings settings = ConnectorSettings.from(sources);
        String rendered = String.join("\n", settings.effectiveConfiguration()) + settings.mailboxes() + settings.smtp() + settings.salesforce()
                + settings.slack() + settings.zendesk();
        for (String secret : secrets) {
            assertThat(rendered).doesNotContain(secret);
        }
        assertThat(rendered).contains("mailbox.password=[hidden]").contains("zendesk.api-token=[hidden]").contains("zendesk.webhook-secret=[hidden]");
    }

    @Test
    void an_unknown_key_is_rejected_with_the_file_and_the_known_keys() {
        Map<String, ConfigSource> sources = Map.of("mailbox", new ConfigSource("connectors-config/mailbox.properties",
                Map.of("mailbox.host", "h", "mailbox.username", "u", "mailbox.pasword", "x", "mailbox.address", "a@b.c")));
        assertThatThrownBy(() -> ConnectorSettings.from(sources))
                .hasMessageStartingWith("connectors-config/mailbox.properties: key 'mailbox.pasword' is not a known key");
    }

    @Test
    void webhook_mode_without_a_webhook_url_fails_naming_the_key() {
        Map<String, ConfigSource> sources = Map.of("mailbox", new ConfigSource("m", Map.of("mailbox.enabled", "false")),
                "smtp", new ConfigSource("s", Map.of("smtp.enabled", "false")),
                "salesforce", new ConfigSource("sf", Map.of("salesforce.enabled", "false")),
                "slack", new ConfigSource("connectors-config/slack.properties", Map.of("slack.mode", "webhook")));
        assertThatThrownBy(() -> ConnectorSettings.from(sources))
                .hasMessage("connectors-config/slack.properties: key 'slack.webhook-url' is required when slack.mode=webhook: expected the incoming webhook URL");
    }
}
