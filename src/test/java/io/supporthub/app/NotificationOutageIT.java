package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.supporthub.db.Transactions;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An SMTP outage neither slows intake nor loses the acknowledgement: the outbox sends it once the relay is back. */
class NotificationOutageIT {

    @Test
    void a_ticket_taken_in_while_smtp_is_down_is_acknowledged_when_smtp_comes_back() throws Exception {
        int smtpPort = FreePort.next();
        int httpPort = FreePort.next();
        try (HubApplication hub = new HubUnderTest().smtp(smtpPort, "support@hub.test")
                .camelProperty("camel.server.port", Integer.toString(httpPort))
                .camelProperty("hub.notification-retry-interval-ms", "500").start()) {
            long started = System.nanoTime();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/tickets"))
                    .header("Authorization", "Bearer " + HubUnderTest.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"requester_email\":\"ann@example.com\",\"subject\":\"Login\",\"message\":\"I cannot log in\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("intake does not wait for SMTP").isLessThan(Duration.ofSeconds(3));

            await().atMost(Duration.ofSeconds(10)).until(() -> "pending".equals(notification(hub).get("state"))
                    && notification(hub).get("last_error") != null);

            GreenMail relay = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            relay.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> relay.getReceivedMessages().length == 1);
                await().atMost(Duration.ofSeconds(5)).until(() -> "sent".equals(notification(hub).get("state")));
                assertThat(relay.getReceivedMessages()[0].getSubject()).startsWith("[SH-");
            } finally {
                relay.stop();
            }
        }
    }

    private static Map<String, Object> notification(HubApplication hub) {
        return new Transactions(hub.dataSource()).read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "select state, last_error, attempts from notification where kind = 'acknowledgement_mail' order by id desc limit 1")) {
                if (!rs.next()) {
                    return Map.of();
                }
                java.util.Map<String, Object> row = new java.util.HashMap<>();
                row.put("state", rs.getString(1));
                row.put("last_error", rs.getString(2));
                row.put("attempts", rs.getInt(3));
                return row;
            }
        });
    }
}
