package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Rows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A mailbox that cannot be polled turns health DOWN and posts one Slack alert through the outbox — the silent stop never goes unnoticed. */
class MailboxLivenessIT {

    @Test
    void an_unreachable_mailbox_turns_health_down_and_posts_exactly_one_slack_alert_through_the_outbox() throws Exception {
        WireMockServer slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post("/services/T000/B000/XXXX").willReturn(aResponse().withBody("ok")));
        int management = FreePort.next();
        try (HubApplication hub = new HubUnderTest().mailbox(FreePort.next(), "support@hub.test", "secret")
                .slackWebhook(slack.baseUrl() + "/services/T000/B000/XXXX")
                .camelProperty("camel.management.port", Integer.toString(management)).start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/observe/health?exposureLevel=full")).build();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 503 && answer.body().contains("mailbox-liveness");
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> slack.verify(1, postRequestedFor(urlEqualTo("/services/T000/B000/XXXX"))));
            assertThat(slack.getAllServeEvents().get(0).getRequest().getBodyAsString()).contains("Mail intake stopped").contains("support@hub.test");
            // later ticks of the watch route must not repeat the alert for the same outage
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> slack.verify(1, postRequestedFor(urlEqualTo("/services/T000/B000/XXXX"))));
            // sent through the notification outbox, as every alert is, about no ticket
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Rows.all(hub.dataSource(),
                    "select state from notification where ticket_id is null and payload->>'alert' = 'mailbox_down'"))
                    .extracting(row -> row.get("state")).containsExactly("sent"));
        } finally {
            slack.stop();
        }
    }
}
