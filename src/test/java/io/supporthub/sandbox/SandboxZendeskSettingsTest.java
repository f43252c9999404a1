package io.supporthub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.testing.FreePort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox points the hub at its Zendesk simulator under the agreed keys, and its ports take a Zendesk flag. */
class SandboxZendeskSettingsTest {

    @Test
    void the_zendesk_port_defaults_to_8093_and_takes_a_flag_or_an_environment_variable() {
        assertThat(SandboxPorts.from(List.of(), name -> null).zendesk()).isEqualTo(8093);
        assertThat(SandboxPorts.from(List.of(), name -> name.equals("HUB_SANDBOX_ZENDESK_PORT") ? "9093" : null).zendesk()).isEqualTo(9093);
        assertThat(SandboxPorts.from(List.of("--zendesk-port=0"), name -> null).zendesk()).isZero();
    }

    @Test
    void the_hub_settings_name_the_simulator_its_integration_user_and_the_seeded_webhook_secret() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxPorts(FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(),
                FreePort.next(), FreePort.next(), FreePort.next()), "jdbc:postgresql://127.0.0.1:1/unused", "token", false)) {
            ZendeskSimulator zendesk = sandbox.services().zendesk;

            assertThat(sandbox.connectorSources()).containsKey("zendesk");
            assertThat(sandbox.zendeskSettings()).containsEntry("zendesk.enabled", "true")
                    .containsEntry("zendesk.base-url", zendesk.baseUrl())
                    .containsEntry("zendesk.email", ZendeskSimulator.INTEGRATION_EMAIL)
                    .containsEntry("zendesk.api-token", ZendeskSimulator.API_TOKEN)
                    .containsEntry("zendesk.webhook-secret", ZendeskSimulator.WEBHOOK_SECRET)
                    .containsEntry("zendesk.integration-user-id", Long.toString(zendesk.integrationUserId()));
        }
    }
}
