package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.MailRecords;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.TicketApiClient;
import jakarta.mail.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end through GreenMail and the real routes: a mail quoting another helpdesk's ticket number links its ticket to
 * that record, and later mail of the same people quoting the number joins the ticket — a stranger's does not.
 */
class ForeignNumberThreadingIT {

    static final String SUPPORT = "support@hub.test";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static HubApplication hub;
    static TicketApiClient api;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        port = FreePort.next();
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret").smtp(greenMail.getSmtp().getPort(), SUPPORT)
                .camelProperty("camel.server.port", Integer.toString(port)).start();
        api = new TicketApiClient(port);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void a_servicenow_number_in_the_subject_links_the_ticket_and_later_mail_of_its_people_quoting_it_joins_the_ticket() throws Exception {
        Transport.send(mail("sam@initech.example", "<inc-1@initech.example>", "Printer on floor 3 down (INC0012345)", "Nothing prints."));
        String key = awaitTicketKey("inc-1@initech.example");
        assertThat(Rows.one(hub.dataSource(), "select l.system, l.external_id, l.external_number, l.learned_from from external_link l "
                + "join ticket t on t.id = l.ticket_id where t.key = ?", key))
                .containsEntry("system", "servicenow").containsEntry("external_number", "INC0012345").containsEntry("learned_from", "mentioned")
                .containsEntry("external_id", null);
        JsonNode links = api.read(key).path("external_links");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("system").asText()).isEqualTo("servicenow");
        assertThat(links.get(0).path("number").asText()).isEqualTo("INC0012345");

        // A new subject, no In-Reply-To, no key of ours: only the ServiceNow number ties it to the ticket.
        Transport.send(mail("sam@initech.example", "<inc-2@initech.example>", "Any news on INC0012345?", "Still nothing prints."));

        Map<String, Object> joined = awaitDecision("inc-2@initech.example");
        assertThat(joined).containsEntry("decision", "appended_comment").containsEntry("key", key);
        assertThat((String) joined.get("reason")).contains("helpdesk ticket number", "servicenow INC0012345");
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket where requester_email = ?", "sam@initech.example")).isEqualTo(1);

        Transport.send(mail("mallory@evil.example", "<inc-3@evil.example>", "Status of INC0012345", "Tell me everything."));

        Map<String, Object> refused = awaitDecision("inc-3@evil.example");
        assertThat(refused).containsEntry("decision", "created_ticket").containsEntry("decided_by", "threading");
        assertThat(refused.get("key")).isNotEqualTo(key);
        assertThat((String) refused.get("reason")).contains("mallory@evil.example is not a participant");
        assertThat(events((String) refused.get("key"))).contains("threading_note", "external_link_taken");
        assertThat(Rows.count(hub.dataSource(), "select count(*) from external_link where external_number = 'INC0012345'")).isEqualTo(1);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket_comment c join ticket t on t.id = c.ticket_id where t.key = ?", key))
                .as("only Sam's mail joined").isEqualTo(1);
    }

    @Test
    void a_ticket_posted_with_the_record_it_is_in_another_system_shows_that_link() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/tickets")).header("Authorization", "Bearer " + HubUnderTest.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"requester_email": "zoe@example.com", "subject": "Synced in", "message": "From Zendesk.", "channel": "zendesk",
                         "external_link": {"system": "zendesk", "external_id": "4711", "number": "4711",
                                           "url": "https://acme.zendesk.com/agent/tickets/4711"}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode link = new ObjectMapper().readTree(created.body()).path("external_links").get(0);
        assertThat(link.path("external_id").asText()).isEqualTo("4711");
        assertThat(link.path("url").asText()).isEqualTo("https://acme.zendesk.com/agent/tickets/4711");
        assertThat(link.path("learned_from").asText()).isEqualTo("origin");
        assertThat(Rows.count(hub.dataSource(), "select count(*) from mail_message m join ticket t on t.id = m.ticket_id where t.key = ?",
                new ObjectMapper().readTree(created.body()).path("key").asText())).as("an API ticket visits no mail ledger").isZero();
    }

    static jakarta.mail.internet.MimeMessage mail(String from, String messageId, String subject, String text) throws Exception {
        return TestMails.text(greenMail.getSmtp().getPort(), from, SUPPORT, messageId, subject, text);
    }

    static Map<String, Object> awaitDecision(String messageId) {
        return MailRecords.awaitDecision(hub.dataSource(), messageId);
    }

    static String awaitTicketKey(String messageId) {
        return MailRecords.awaitTicketKey(hub.dataSource(), messageId);
    }

    static List<String> events(String key) {
        return MailRecords.events(hub.dataSource(), key);
    }
}
