package io.supporthub.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.supporthub.sandbox.ZendeskHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks: registered through the Webhooks API or seeded, and posted signed when a ticket is created or updated. */
class ZendeskSimulatorWebhooksTest {

    private WireMockServer receiver;
    private ZendeskSimulator simulator;
    private ZendeskHttp hub;

    @BeforeEach
    void start() throws Exception {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        receiver.stubFor(post("/webhooks/zendesk").willReturn(aResponse().withStatus(200)));
        receiver.stubFor(post("/other").willReturn(aResponse().withStatus(503)));
        simulator = new ZendeskSimulator(0, receiver.baseUrl() + "/webhooks/zendesk");
        simulator.start();
        hub = ZendeskHttp.as(simulator.baseUrl(), ZendeskSimulator.INTEGRATION_EMAIL);
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.stop();
    }

    /** The signature recomputed here from the secret, the timestamp header and the raw body, as a receiver checks it. */
    private static String expectedSignature(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void a_created_and_an_updated_ticket_are_posted_to_the_seeded_webhook_signed_with_its_secret() throws Exception {
        long id = json(hub.post("/api/v2/tickets.json", "{\"ticket\":{\"subject\":\"Help\",\"comment\":{\"body\":\"x\"}}}")).path("ticket").path("id").asLong();
        ZendeskHttp.as(simulator.baseUrl(), ZendeskSimulator.AGENT_EMAIL).put("/api/v2/tickets/" + id + ".json",
                "{\"ticket\":{\"status\":\"open\",\"comment\":{\"body\":\"On it\",\"public\":true}}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> received("/webhooks/zendesk").size() == 3);
        List<LoggedRequest> requests = received("/webhooks/zendesk");
        for (LoggedRequest request : requests) {
            String timestamp = request.getHeader("X-Zendesk-Webhook-Signature-Timestamp");
            assertThat(request.getHeader("X-Zendesk-Webhook-Signature"))
                    .isEqualTo(expectedSignature(ZendeskSimulator.WEBHOOK_SECRET, timestamp, request.getBody()));
            assertThat(timestamp).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(request.getHeader("X-Zendesk-Webhook-Invocation-Id")).isNotBlank();
            assertThat(request.getHeader("X-Zendesk-Webhook-Id")).startsWith("01");
        }
        assertThat(requests.stream().map(r -> r.getHeader("X-Zendesk-Webhook-Invocation-Id")).distinct()).hasSize(3);
        List<JsonNode> events = requests.stream().map(r -> ZendeskHttp.parse(r.getBodyAsString())).toList();
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactlyInAnyOrder("zen:event-type:ticket.created",
                "zen:event-type:ticket.status_changed", "zen:event-type:ticket.comment_added");
        assertThat(events).allSatisfy(e -> assertThat(e.path("subject").asText()).isEqualTo("zen:ticket:" + id));
        JsonNode comment = events.stream().filter(e -> e.path("type").asText().endsWith("comment_added")).findFirst().orElseThrow();
        assertThat(comment.path("detail").path("actor_id").asText()).isEqualTo(Long.toString(simulator.agentUserId()));
        assertThat(comment.path("event").path("comment").path("body").asText()).isEqualTo("On it");
        JsonNode status = events.stream().filter(e -> e.path("type").asText().endsWith("status_changed")).findFirst().orElseThrow();
        assertThat(status.path("event").path("current").asText()).isEqualTo("OPEN");
        assertThat(status.path("event").path("previous").asText()).isEqualTo("NEW");
    }

    @Test
    void a_webhook_created_through_the_api_has_its_own_secret_and_a_failing_endpoint_does_not_fail_the_api_call() throws Exception {
        HttpResponse<String> created = hub.post("/api/v2/webhooks", """
                {"webhook":{"name":"Other","endpoint":"%s/other","http_method":"POST","request_format":"json","status":"active",
                 "subscriptions":["conditional_ticket_events"]}}""".formatted(receiver.baseUrl()));
        String webhookId = json(created).path("webhook").path("id").asText();
        String secret = json(hub.get("/api/v2/webhooks/" + webhookId + "/signing_secret")).path("signing_secret").path("secret").asText();

        HttpResponse<String> ticket = hub.post("/api/v2/tickets.json", "{\"ticket\":{\"comment\":{\"body\":\"x\"}}}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(secret).isNotBlank().isNotEqualTo(ZendeskSimulator.WEBHOOK_SECRET);
        assertThat(ticket.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> received("/other").size() == 1);
        LoggedRequest other = received("/other").get(0);
        assertThat(other.getHeader("X-Zendesk-Webhook-Signature"))
                .isEqualTo(expectedSignature(secret, other.getHeader("X-Zendesk-Webhook-Signature-Timestamp"), other.getBody()));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.webhookDeliveries().size() == 2);
        assertThat(json(ZendeskHttp.simulator(simulator.baseUrl(), "GET", "/_sim/webhooks", null)).findValuesAsText("status"))
                .containsExactlyInAnyOrder("200", "503");
        assertThat(json(hub.get("/api/v2/webhooks")).path("webhooks")).hasSize(2);
        assertThat(hub.delete("/api/v2/webhooks/" + webhookId).statusCode()).isEqualTo(204);
        assertThat(hub.get("/api/v2/webhooks/" + webhookId).statusCode()).isEqualTo(404);
    }

    @Test
    void a_webhook_without_an_http_endpoint_is_refused_with_the_webhooks_api_errors() {
        HttpResponse<String> refused = hub.post("/api/v2/webhooks", "{\"webhook\":{\"name\":\"x\",\"endpoint\":\"ftp://nowhere\"}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("source").path("pointer").asText()).isEqualTo("/webhook/endpoint");
    }
}
