package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubCommandTest {

    @Test
    void run_without_a_database_fails_with_a_message_naming_the_key() throws Exception {
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> HubCommand.startProduction(name -> switch (name) {
            case "MAILBOX_HOST", "MAILBOX_USERNAME", "MAILBOX_PASSWORD", "SMTP_HOST", "SALESFORCE_CLIENT_ID", "SALESFORCE_CLIENT_SECRET",
                 "SALESFORCE_USERNAME", "SALESFORCE_PASSWORD" -> "x";
            case "MAILBOX_ADDRESS", "SMTP_FROM_ADDRESS" -> "support@example.com";
            case "SLACK_WEBHOOK_URL" -> "https://hooks.slack.com/services/T/B/X";
            default -> null;
        }));
        assertThat(error).hasMessageStartingWith("application.properties: key 'hub.db.url' is missing");
    }

    @Test
    void a_missing_connector_setting_names_the_file_the_key_and_the_variable() {
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> HubCommand.startProduction(name -> null));
        assertThat(error.getMessage()).matches("connectors-config/mailbox.properties: key 'mailbox\\.[a-z.-]+' "
                + "(refers to environment variable MAILBOX_[A-Z_]+, which is not set|is missing: expected .+)");
    }

    @Test
    void an_unknown_command_prints_the_usage_and_exits_2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HubCommand.run(new String[] {"frobnicate"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("sandbox");
    }
}
