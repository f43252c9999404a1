package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** "Test connection" through the real route: admins only, an answer in plain words, 404 for a connector without a test. */
class ConnectionTestApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void an_admin_tests_salesforce_and_learns_in_plain_words_that_nothing_listens_there() throws Exception {
        int api = FreePort.next();
        int nothing = FreePort.next();
        try (HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                .salesforce("http://127.0.0.1:" + nothing).start()) {
            HttpResponse<String> answer = post(api, "salesforce", HubUnderTest.ADMIN_TOKEN);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode result = new ObjectMapper().readTree(answer.body());
            assertThat(result.path("connector").asText()).isEqualTo("salesforce");
            assertThat(result.path("ok").asBoolean()).isFalse();
            assertThat(result.path("failure").asText()).isEqualTo("retriable");
            assertThat(result.path("summary").asText()).startsWith("Salesforce could not be reached");

            assertThat(post(api, "servicenow", HubUnderTest.ADMIN_TOKEN).statusCode()).isEqualTo(404);
            assertThat(post(api, "salesforce", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void an_admin_tests_zendesk_and_learns_which_user_the_api_token_signs_in_as() throws Exception {
        int api = FreePort.next();
        WireMockServer zendesk = new WireMockServer(options().dynamicPort());
        zendesk.start();
        try (HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                .connectorSetting("zendesk", "zendesk.enabled", "true").connectorSetting("zendesk", "zendesk.base-url", zendesk.baseUrl())
                .connectorSetting("zendesk", "zendesk.email", "hub@acme.example").connectorSetting("zendesk", "zendesk.api-token", "zd-token")
                .start()) {
            zendesk.stubFor(get("/api/v2/users/me").willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"user\": {\"id\": 35436, \"name\": \"Support Hub\", \"email\": \"hub@acme.example\", \"role\": \"admin\"}}")));
            HttpResponse<String> answer = post(api, "zendesk", HubUnderTest.ADMIN_TOKEN);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode result = new ObjectMapper().readTree(answer.body());
            assertThat(result.path("ok").asBoolean()).as(answer.body()).isTrue();
            assertThat(result.path("summary").asText()).contains("signed in as Support Hub <hub@acme.example>, role admin (user id 35436)");
            assertThat(answer.body()).doesNotContain("zd-token");
        } finally {
            zendesk.stop();
        }
    }

    private static HttpResponse<String> post(int api, String connector, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api + "/api/v1/connectors/" + connector + "/test"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
