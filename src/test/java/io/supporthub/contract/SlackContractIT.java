package io.supporthub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supporthub.app.HubApplication;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Prism;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TicketApiClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract suite: the hub's Slack alerts, in bot-token mode, against Prism serving Slack's own Web
 * API description. Each request must satisfy the spec, and the hub must take the spec's example
 * answer as a sent alert.
 */
class SlackContractIT {

    @BeforeAll
    static void prismAndSpecs() {
        VendorSpecs.assumeShared();
        Prism.assumeInstalled();
    }

    @Test
    void an_urgent_ticket_alert_is_a_chat_post_message_that_slack_s_spec_accepts() throws Exception {
        int api = FreePort.next();
        try (Prism slack = Prism.mock(VendorSpecs.slackWebApi());
             HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                     .slackToken(slack.url(), "xoxb-contract-test", "#support-alerts").start()) {
            String key = new TicketApiClient(api).create("ops@contract.example", "Production is down", "Production is down for all users")
                    .path("key").asText();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Rows.one(hub.dataSource(),
                    "select n.state from notification n join ticket t on t.id = n.ticket_id where t.key = ? and n.kind = 'slack_alert'", key)
                    .get("state")).isEqualTo("sent"));
            assertThat(slack.requestsReceived("post /api/chat.postMessage")).isEqualTo(1);
            assertThat(slack.requestViolations()).as("requests the hub sent that break Slack's spec").isEmpty();
            assertThat(slack.unmatchedRequests()).isEmpty();
        }
    }
}
