package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Rows;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several mailboxes, each with its own defaults, each isolated: a mailbox with a wrong password and
 * one whose server accepts the connection and then never answers do not stop or slow the others,
 * and each of them, alone, turns its own health check DOWN and posts its own Slack alert.
 */
class SeveralMailboxesIT {

    static final String WEBHOOK = "/services/T000/B000/MAILBOXES";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@hub.test", "support@hub.test", "secret")
                    .withUser("billing@hub.test", "billing@hub.test", "secret").withUser("broken@hub.test", "broken@hub.test", "right"));

    @Test
    void each_mailbox_keeps_its_defaults_and_a_failing_or_hung_one_never_holds_up_the_others() throws Exception {
        WireMockServer slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post(WEBHOOK).willReturn(aResponse().withBody("ok")));
        int management = FreePort.next();
        try (HungServer hung = new HungServer(); HubApplication hub = new HubUnderTest().mailboxKeys(mailboxes(hung.port()))
                .slackWebhook(slack.baseUrl() + WEBHOOK).camelProperty("camel.management.port", Integer.toString(management)).start()) {
            GreenMailUtil.sendTextEmail("support@hub.test", "ann@example.com", "Question about the manual", "Where is page 12?",
                    greenMail.getSmtp().getServerSetup());
            GreenMailUtil.sendTextEmail("billing@hub.test", "bob@example.com", "A question", "Could you look at last month's statement?",
                    greenMail.getSmtp().getServerSetup());

            // both arrive while the broken mailbox fails every poll and the hung one waits out its timeout
            await().atMost(Duration.ofSeconds(10)).until(() -> Rows.count(hub.dataSource(), "select count(*) from ticket") == 2);
            assertThat(Rows.one(hub.dataSource(), "select t.category, t.queue, m.mailbox_name, m.mailbox from ticket t "
                    + "join mail_message m on m.ticket_id = t.id where t.requester_email = 'bob@example.com'"))
                    .containsEntry("category", "billing").containsEntry("queue", "billing").containsEntry("mailbox_name", "billing")
                    .containsEntry("mailbox", "billing@hub.test");
            // the support mailbox names no defaults: triage and the router place Ann's mail on their own, never by billing's
            Map<String, Object> ann = Rows.one(hub.dataSource(), "select t.queue, m.mailbox_name from ticket t join mail_message m on m.ticket_id = t.id "
                    + "where t.requester_email = 'ann@example.com'");
            assertThat(ann).containsEntry("mailbox_name", "support");
            assertThat(ann.get("queue")).isNotEqualTo("billing");
            assertThat(Rows.all(hub.dataSource(), "select e.reason from ticket_event e join ticket t on t.id = e.ticket_id "
                    + "where t.requester_email = 'ann@example.com' and e.type in ('categorized', 'routed')"))
                    .extracting(row -> (String) row.get("reason")).noneMatch(reason -> reason.contains("mailbox"));
            assertThat(Rows.all(hub.dataSource(), "select e.reason from ticket_event e join ticket t on t.id = e.ticket_id "
                    + "where t.requester_email = 'bob@example.com' and e.type in ('categorized', 'routed') order by e.id"))
                    .extracting(row -> (String) row.get("reason"))
                    .containsExactly("category billing: no category rule matched; the mailbox's category hint is billing",
                            "routed to T1 / billing: mail to billing@hub.test goes to its mailbox's queue");

            String health = awaitHealth(management, body -> body.contains("\"mailbox-liveness-broken\"") && body.contains("\"mailbox-liveness-hung\"")
                    && checkState(body, "mailbox-liveness-broken").equals("DOWN") && checkState(body, "mailbox-liveness-hung").equals("DOWN"));
            assertThat(checkState(health, "mailbox-liveness-support")).isEqualTo("UP");
            assertThat(checkState(health, "mailbox-liveness-billing")).isEqualTo("UP");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> slack.verify(2, postRequestedFor(urlEqualTo(WEBHOOK))));
            List<String> alerts = slack.findAll(postRequestedFor(urlEqualTo(WEBHOOK))).stream().map(LoggedRequest::getBodyAsString).toList();
            assertThat(alerts).anySatisfy(a -> assertThat(a).contains("broken@hub.test").contains("AuthenticationFailedException"))
                    .anySatisfy(a -> assertThat(a).contains("hung@hub.test"));

            // polling goes on for the healthy mailboxes
            GreenMailUtil.sendTextEmail("support@hub.test", "cat@example.com", "Another question", "And page 13?", greenMail.getSmtp().getServerSetup());
            await().atMost(Duration.ofSeconds(10)).until(() -> Rows.count(hub.dataSource(), "select count(*) from ticket") == 3);
            slack.verify(2, postRequestedFor(urlEqualTo(WEBHOOK)));
        } finally {
            slack.stop();
        }
    }

    private static Map<String, String> mailboxes(int hungPort) {
        Map<String, String> keys = new HashMap<>();
        keys.put("mailbox.names", "support, billing, broken, hung");
        keys.put("mailbox.protocol", "imap");
        keys.put("mailbox.host", "127.0.0.1");
        keys.put("mailbox.port", Integer.toString(greenMail.getImap().getPort()));
        keys.put("mailbox.poll-interval", "PT0.2S");
        keys.put("mailbox.timeout", "PT2S");
        keys.put("mailbox.password", "secret");
        for (String name : List.of("support", "billing", "broken", "hung")) {
            keys.put("mailbox." + name + ".username", name + "@hub.test");
            keys.put("mailbox." + name + ".address", name + "@hub.test");
        }
        keys.put("mailbox.billing.queue", "billing");
        keys.put("mailbox.billing.category", "billing");
        keys.put("mailbox.broken.password", "wrong");
        keys.put("mailbox.hung.port", Integer.toString(hungPort));
        return keys;
    }

    private static String awaitHealth(int port, java.util.function.Predicate<String> condition) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health?exposureLevel=full")).build();
        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            body[0] = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return condition.test(body[0]);
        });
        return body[0];
    }

    /** The state of one check in Camel's health JSON ({"name": "...", "status": "UP", ...}). */
    private static String checkState(String health, String check) {
        int at = health.indexOf("\"" + check + "\"");
        if (at < 0) {
            return "absent";
        }
        String after = health.substring(at);
        int status = after.indexOf("\"status\"");
        return after.substring(status).replaceAll("(?s)^\"status\"\\s*:\\s*\"([A-Z]+)\".*", "$1");
    }

    /** An IMAP server that accepts connections and never says a word. */
    static final class HungServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "hung-imap");

        HungServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            try {
                while (!socket.isClosed()) {
                    Socket client = socket.accept();
                    synchronized (accepted) {
                        accepted.add(client);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket client : accepted) {
                    client.close();
                }
            }
        }
    }
}
