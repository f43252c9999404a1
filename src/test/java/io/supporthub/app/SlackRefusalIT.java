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
import io.supporthub.testing.TicketApiClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack refusing an alert for good (a webhook that was removed) is not retried for hours: the agent sees it on the ticket. */
class SlackRefusalIT {

    private static final String WEBHOOK = "/services/T000/B000/removed";

    WireMockServer slack;

    @BeforeEach
    void start() {
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        // what Slack answers for a webhook that has been removed
        slack.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("no_service")));
    }

    @AfterEach
    void stop() {
        slack.stop();
    }

    @Test
    void an_alert_to_a_removed_webhook_fails_at_once_with_the_reason_on_the_tickets_timeline() throws Exception {
        int api = FreePort.next();
        try (HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                .slackWebhook(slack.baseUrl() + WEBHOOK).start()) {
            String key = new TicketApiClient(api).create("ann@example.com", "Production is down",
                    "Our production system is down for all users since 09:00.").get("key").asText();

            await().atMost(Duration.ofSeconds(15)).until(() -> Rows.count(hub.dataSource(),
                    "select count(*) from notification where kind = 'slack_alert' and state = 'failed'") == 1);
            Map<String, Object> alert = Rows.one(hub.dataSource(), "select attempts, last_error from notification where kind = 'slack_alert'");
            assertThat(alert.get("attempts")).isEqualTo(1);
            assertThat((String) alert.get("last_error")).startsWith("Slack refused the alert (HTTP 404: no_service); check slack.webhook-url");
            assertThat(Rows.all(hub.dataSource(), "select e.reason from ticket_event e join ticket t on t.id = e.ticket_id "
                    + "where t.key = ? and e.type = 'notification_failed'", key))
                    .singleElement().satisfies(event -> assertThat((String) event.get("reason")).contains("Slack refused the alert"));
            slack.verify(1, postRequestedFor(urlEqualTo(WEBHOOK)));
        }
    }
}
