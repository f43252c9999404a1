package io.supporthub.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

    @Test
    void environment_references_resolve_with_and_without_defaults() throws Exception {
        ConfigSource source = ConfigSource.load(new StringReader("a = {{env:HOST}}\nb = {{env:MISSING:fallback}}\nc = imaps://{{env:HOST}}:993\n"),
                "mailbox.properties", Map.of("HOST", "imap.example.com")::get);
        assertThat(source.raw("a")).isEqualTo("imap.example.com");
        assertThat(source.raw("b")).isEqualTo("fallback");
        assertThat(source.raw("c")).isEqualTo("imaps://imap.example.com:993");
    }

    @Test
    void a_missing_environment_variable_names_the_file_the_key_and_the_variable() throws Exception {
        ConfigSource source = ConfigSource.load(new StringReader("mailbox.password = {{env:MAILBOX_PASSWORD}}"), "connectors-config/mailbox.properties",
                name -> null);
        assertThatThrownBy(() -> source.raw("mailbox.password"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("connectors-config/mailbox.properties: key 'mailbox.password' refers to environment variable MAILBOX_PASSWORD, which is not set");
    }

    @Test
    void a_turned_off_connector_does_not_need_the_variables_of_its_other_keys() throws Exception {
        ConfigSource source = ConfigSource.load(new StringReader("salesforce.enabled = {{env:SALESFORCE_ENABLED:true}}\n"
                + "salesforce.client-id = {{env:SALESFORCE_CLIENT_ID}}\n"), "salesforce.properties", Map.of("SALESFORCE_ENABLED", "false")::get);
        assertThat(io.supporthub.connector.salesforce.SalesforceSettings.from(source).enabled()).isFalse();
    }

    @Test
    void file_references_read_a_secret_file_trimmed(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("token");
        Files.writeString(secret, "xoxb-123\n");
        ConfigSource source = ConfigSource.load(new StringReader("slack.token = {{file:" + secret + "}}"), "slack.properties", name -> null);
        assertThat(source.raw("slack.token")).isEqualTo("xoxb-123");
    }

    @Test
    void a_wrong_value_names_the_key_and_what_was_expected_without_showing_secrets() {
        ConfigSource source = new ConfigSource("connectors-config/mailbox.properties", Map.of("mailbox.port", "99999"));
        assertThatThrownBy(() -> source.get(ConfigKey.required("mailbox.port", ConfigType.PORT, "IMAP port")))
                .hasMessage("connectors-config/mailbox.properties: key 'mailbox.port' must be a port number from 0 to 65535, got '99999'");
        assertThatThrownBy(() -> source.get(ConfigKey.required("mailbox.host", ConfigType.TEXT, "IMAP host")))
                .hasMessageContaining("key 'mailbox.host' is missing: expected text (IMAP host)");
    }

    @Test
    void a_secret_never_prints_its_value() {
        Secret secret = Secret.of("hunter2");
        assertThat(secret.toString()).isEqualTo("[hidden]");
        assertThat(String.valueOf(new Object[] {secret}[0])).doesNotContain("hunter2");
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }
}
