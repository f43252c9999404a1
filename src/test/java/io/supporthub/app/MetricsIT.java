package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.TicketApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The hub's own gauges appear on /observe/metrics beside Camel's. */
class MetricsIT {

    @Test
    void open_tickets_by_tier_and_priority_and_the_outbox_backlog_are_scraped() throws Exception {
        int api = FreePort.next();
        int management = FreePort.next();
        try (HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                .camelProperty("camel.management.port", Integer.toString(management)).start()) {
            new TicketApiClient(api).create("ann@example.com", "Password reset", "I cannot reset my password");
            new TicketApiClient(api).create("bob@example.com", "Password reset", "I cannot reset my password either");
            hub.camelContext().getRegistry().lookupByNameAndType("hubMetrics", HubMetrics.class).refresh();

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + management + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern("supporthub_tickets_open\\{[^}]*priority=\"P4\"[^}]*tier=\"T1\"[^}]*} 2\\.0");
            assertThat(metrics).contains("supporthub_mail_quarantined").contains("camel_exchanges_total");
        }
    }
}
