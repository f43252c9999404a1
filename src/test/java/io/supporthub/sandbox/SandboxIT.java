package io.supporthub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.app.SandboxLauncher;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.TestDatabase;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import java.util.Properties;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a newcomer meets it: one start, sandbox.json lists everything, a mail over SMTP
 * becomes a ticket with an acknowledgement and its Slack alerts in the simulator, and stopping
 * leaves no port open. camel-salesforce and camel-slack talk to the simulators unchanged.
 */
class SandboxIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void a_vip_p1_mail_in_the_sandbox_becomes_a_ticket_an_acknowledgement_and_its_slack_alerts() throws Exception {
        SandboxPorts ports = new SandboxPorts(FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next());
        String database = TestDatabase.create();
        SandboxLauncher.Running running = SandboxLauncher.start(ports, name -> name.equals("HUB_DB_URL") ? database : null);
        Sandbox sandbox = running.sandbox();
        try {
            JsonNode description = JSON.readTree(get("http://127.0.0.1:" + ports.http() + "/sandbox.json", null).body());
            assertThat(description.path("simulators").findValuesAsText("name")).containsExactly("salesforce", "slack", "zendesk");
            assertZendeskIsReachableWithWhatSandboxJsonLists(description.path("simulators").get(2));
            assertThat(description.path("customers").findValuesAsText("tier")).contains("vip", "enterprise", "standard");
            String token = description.path("api").path("token").asText();

            sendMail(ports.smtp(), "ava@acme.example", "Everything is down",
                    "Urgent: production is down for all users, nobody can work.");

            JsonNode items = await().atMost(Duration.ofSeconds(5)).until(
                    () -> JSON.readTree(get("http://127.0.0.1:" + ports.http() + "/api/v1/tickets", token).body()).path("items"),
                    list -> list.size() == 1);
            JsonNode ticket = items.get(0);
            assertThat(ticket.path("priority").asText()).isEqualTo("P1");
            assertThat(ticket.path("customer").path("tier").asText()).isEqualTo("vip");
            assertThat(ticket.path("customer").path("owner").asText()).isEqualTo("Olivia Owens");
            assertThat(ticket.path("customer").path("open_cases").asInt()).as("counted by the simulator's Case query").isEqualTo(2);
            assertThat(ticket.path("tier").asText()).isEqualTo("T3");

            await().atMost(Duration.ofSeconds(10)).until(() -> inboxSize(ports.imap(), "ava@acme.example", "customer") == 1);
            // the urgent ticket's alert, and the managers' notice a VIP's ticket gets at once
            await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.services().slack.messages().size() == 2);
            assertThat(sandbox.services().slack.messages()).extracting(m -> m.get("text").toString())
                    .allSatisfy(text -> assertThat(text).contains(ticket.path("key").asText()))
                    .anySatisfy(text -> assertThat(text).startsWith("P1 · critical priority"))
                    .anySatisfy(text -> assertThat(text).startsWith("P1 · Manager notice · VIP customer's ticket opened"));
            assertThat(sandbox.services().salesforce.received()).extracting(r -> r.get("path"))
                    .contains("/services/oauth2/token");
        } finally {
            running.close();
        }
        for (int port : List.of(ports.http(), ports.management(), ports.smtp(), ports.imap(), ports.salesforce(), ports.slack())) {
            assertThat(isListening(port)).as("port %d is closed after stop", port).isFalse();
        }
    }

    /** Any Zendesk client, given what sandbox.json lists, signs in and finds the integration user it names. */
    private static void assertZendeskIsReachableWithWhatSandboxJsonLists(JsonNode zendesk) {
        JsonNode me = ZendeskHttp.json(ZendeskHttp.withAuthorization(zendesk.path("url").asText(), "Basic " + java.util.Base64.getEncoder()
                .encodeToString(zendesk.path("basic_auth").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))).get("/api/v2/users/me.json"));
        assertThat(me.path("user").path("id").asLong()).isEqualTo(zendesk.path("api_user").path("id").asLong());
        assertThat(zendesk.path("webhook_signing_secret").asText()).isEqualTo(ZendeskSimulator.WEBHOOK_SECRET);
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void sendMail(int smtpPort, String from, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(Session.getInstance(props));
        message.setFrom(from);
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, SandboxServices.SUPPORT_ADDRESS);
        message.setSubject(subject);
        message.setText(text);
        jakarta.mail.Transport.send(message);
    }

    private static int inboxSize(int imapPort, String user, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            return count;
        } finally {
            store.close();
        }
    }

    static boolean isListening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

}
