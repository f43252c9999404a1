package io.supporthub.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.supporthub.connector.zendesk.WireMockZendesk.AUTHORIZATION;
import static io.supporthub.connector.zendesk.WireMockZendesk.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.connector.spi.ConnectionTestResult;
import io.supporthub.connector.spi.ConnectorFailure.Kind;
import io.supporthub.testing.FreePort;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Zendesk connection test (Show Self) against WireMock answering as Zendesk does; it changes nothing. */
class ZendeskConnectionTestTest {

    @RegisterExtension
    final WireMockZendesk zendesk = new WireMockZendesk();

    static final String AGENT = """
            {"user": {"id": 35436, "name": "Support Hub", "email": "hub@acme.example", "role": "agent", "active": true,
                      "authenticity_token": "<CORS TOKEN>"}}""";

    @Test
    void an_agent_s_token_passes_naming_the_user_and_its_id() {
        zendesk.server.stubFor(get("/api/v2/users/me").withHeader("Authorization", equalTo(AUTHORIZATION)).willReturn(json(200, AGENT)));
        ConnectionTestResult result = test(Map.of("zendesk.webhook-secret", "s3cret"));
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).isEqualTo("Zendesk at " + zendesk.baseUrl() + " accepted the API token: signed in as "
                + "Support Hub <hub@acme.example>, role agent (user id 35436)");
        assertThat(zendesk.server.getAllServeEvents()).singleElement().satisfies(e -> assertThat(e.getRequest().getMethod().getName()).isEqualTo("GET"));
    }

    @Test
    void a_pass_without_a_webhook_secret_says_webhooks_are_refused_until_it_is_set() {
        zendesk.server.stubFor(get("/api/v2/users/me").willReturn(json(200, AGENT)));
        assertThat(test(Map.of()).summary()).endsWith("; webhooks are refused until zendesk.webhook-secret is set (polling alone keeps sync)");
    }

    @Test
    void a_refused_token_fails_as_authentication_naming_the_settings() {
        zendesk.server.stubFor(get("/api/v2/users/me").willReturn(json(401, "{\"error\": \"Couldn't authenticate you\"}")));
        ConnectionTestResult result = test(Map.of());
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.summary()).contains("Couldn't authenticate you").contains("zendesk.api-token");
    }

    @Test
    void an_anonymous_answer_means_zendesk_took_no_credentials() {
        zendesk.server.stubFor(get("/api/v2/users/me").willReturn(json(200,
                "{\"user\": {\"id\": null, \"name\": \"Anonymous user\", \"email\": \"invalid@example.com\", \"role\": \"end-user\"}}")));
        ConnectionTestResult result = test(Map.of());
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.summary()).isEqualTo("Zendesk at " + zendesk.baseUrl() + " answered as an anonymous visitor: it did not accept "
                + "hub@acme.example with the API token; check zendesk.email and zendesk.api-token");
    }

    @Test
    void an_end_user_cannot_work_tickets_and_is_told_so() {
        zendesk.server.stubFor(get("/api/v2/users/me").willReturn(json(200,
                "{\"user\": {\"id\": 7, \"name\": \"Ava\", \"email\": \"hub@acme.example\", \"role\": \"end-user\"}}")));
        assertThat(test(Map.of()).summary()).endsWith("an end user cannot work tickets through the API; give zendesk.email an agent or admin");
    }

    @Test
    void an_integration_user_id_that_is_not_the_token_s_user_fails_naming_the_right_one() {
        zendesk.server.stubFor(get("/api/v2/users/me").willReturn(json(200, AGENT)));
        ConnectionTestResult result = test(Map.of("zendesk.integration-user-id", "99"));
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(result.summary()).endsWith("but zendesk.integration-user-id is 99: the hub would take its own changes for an agent's; set it to 35436");
        zendesk.server.resetAll();
        zendesk.server.stubFor(get("/api/v2/users/me").willReturn(json(200, AGENT)));
        assertThat(test(Map.of("zendesk.integration-user-id", "35436")).ok()).isTrue();
    }

    @Test
    void an_address_with_no_help_desk_points_at_the_base_url() {
        zendesk.server.stubFor(get("/api/v2/users/me").willReturn(json(404,
                "{\"error\": {\"title\": \"No help desk at acme-typo.zendesk.com\", \"message\": \"There is no help desk configured at this address.\"}}")));
        assertThat(test(Map.of()).summary()).endsWith("; check zendesk.base-url");
    }

    @Test
    void nothing_listening_is_a_retriable_failure_in_plain_words() {
        ConnectionTestResult result = test(Map.of("zendesk.base-url", "http://127.0.0.1:" + FreePort.next()));
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(result.summary()).startsWith("Zendesk could not be reached");
    }

    @Test
    void a_turned_off_connector_tests_nothing_and_says_so() {
        ConnectionTestResult result = new ZendeskConnectionTest(ZendeskSettings.DISABLED).run();
        assertThat(result.ok()).isFalse();
        assertThat(result.summary()).isEqualTo("Zendesk sync is turned off (zendesk.enabled = false); nothing was tested");
        assertThat(zendesk.server.getAllServeEvents()).isEmpty();
    }

    private ConnectionTestResult test(Map<String, String> more) {
        ZendeskSettings settings = zendesk.settings(more);
        return new ZendeskConnectionTest(settings, ZendeskHttp.newClient(settings), zendesk.clock).run();
    }
}
