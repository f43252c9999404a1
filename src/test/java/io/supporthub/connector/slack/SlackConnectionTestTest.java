package io.supporthub.connector.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConnectionTestResult;
import io.supporthub.connector.spi.ConnectorFailure.Kind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack connection test against WireMock answering as Slack documents: it never posts a message. */
class SlackConnectionTestTest {

    WireMockServer slack;

    @BeforeEach
    void start() {
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
    }

    @AfterEach
    void stop() {
        slack.stop();
    }

    @Test
    void a_bot_token_slack_accepts_passes_naming_user_and_workspace() {
        slack.stubFor(post("/api/auth.test").withHeader("Authorization", equalTo("Bearer xoxb-good")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\","
                        + "\"user\":\"support-hub\",\"team_id\":\"T123\",\"user_id\":\"U123\",\"bot_id\":\"B123\"}")));
        ConnectionTestResult result = token("xoxb-good").run();
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).isEqualTo("Slack accepted the bot token: user support-hub in workspace Acme");
    }

    @Test
    void a_revoked_token_is_an_authentication_failure_naming_the_settings() {
        slack.stubFor(post("/api/auth.test").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"token_revoked\"}")));
        ConnectionTestResult result = token("xoxb-revoked").run();
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.summary()).startsWith("Slack refused the alert (token_revoked); check slack.token");
    }

    @Test
    void a_live_webhook_answers_the_empty_probe_with_no_text_and_passes() {
        slack.stubFor(post("/services/T000/B000/live").willReturn(aResponse().withStatus(400).withBody("no_text")));
        ConnectionTestResult result = webhook("/services/T000/B000/live").run();
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(slack.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/services/T000/B000/live")))).singleElement()
                .satisfies(probe -> assertThat(probe.getBodyAsString()).as("nothing to post").isEqualTo("{}"));
    }

    @Test
    void a_removed_webhook_fails_for_good_naming_the_setting() {
        slack.stubFor(post("/services/T000/B000/removed").willReturn(aResponse().withStatus(404).withBody("no_service")));
        ConnectionTestResult result = webhook("/services/T000/B000/removed").run();
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(result.summary()).isEqualTo("Slack refused the alert (HTTP 404: no_service); check slack.webhook-url");
    }

    @Test
    void a_rate_limited_test_carries_slacks_retry_after() {
        slack.stubFor(post("/api/auth.test").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        ConnectionTestResult result = token("xoxb-busy").run();
        assertThat(result.failure()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(f.retryAfter()).contains(java.time.Duration.ofSeconds(7));
        });
    }

    private SlackConnectionTest token(String token) {
        return new SlackConnectionTest(SlackSettings.from(new ConfigSource("slack.properties",
                Map.of("slack.mode", "token", "slack.token", token, "slack.server-url", slack.baseUrl()))));
    }

    private SlackConnectionTest webhook(String path) {
        return new SlackConnectionTest(SlackSettings.from(new ConfigSource("slack.properties",
                Map.of("slack.mode", "webhook", "slack.webhook-url", slack.baseUrl() + path))));
    }
}
