package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.MailRecords;
import io.supporthub.testing.Rows;
import io.supporthub.testing.SalesforceStubs;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.TicketApiClient;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three forgeries a hostile probe found, end to end through IMAP: mail whose From names a VIP customer while the
 * receiving server's results show DMARC failed buys no VIP treatment, cannot join the customer's ticket, and cannot use up
 * the customer's allowances.
 */
class ForgedSenderIT {

    static final String SUPPORT = "support@hub.test";
    static final String WEBHOOK = "/services/T000/B000/FORGED";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static WireMockServer wireMock;
    static HubApplication hub;
    static TicketApiClient api;

    @BeforeAll
    static void start() throws Exception {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        SalesforceStubs.token(wireMock);
        SalesforceStubs.contact(wireMock, "ava@acme.example", "Ava Martin", "Acme Corporation", "VIP", 2_400_000);
        SalesforceStubs.contact(wireMock, "vic@vertex.example", "Vic Stone", "Vertex Ltd", "VIP", 1_800_000);
        SalesforceStubs.contact(wireMock, "cora@corvid.example", "Cora Lane", "Corvid Inc", "VIP", 3_100_000);
        SalesforceStubs.noContact(wireMock);
        wireMock.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
        int port = FreePort.next();
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret").smtp(greenMail.getSmtp().getPort(), SUPPORT)
                .salesforce(wireMock.baseUrl()).slackWebhook(wireMock.baseUrl() + WEBHOOK)
                .camelProperty("camel.server.port", Integer.toString(port)).start();
        api = new TicketApiClient(port);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        wireMock.stop();
    }

    @Test
    void a_forged_vip_from_with_dmarc_fail_gets_no_vip_treatment_no_managers_alert_and_is_flagged_for_review() throws Exception {
        Transport.send(TestMails.text(smtp(), "ava@acme.example", SUPPORT, "<ava-1@acme.example>", "Change our delivery address",
                "Please ship our next order to the new warehouse."));
        Transport.send(forged("ava@acme.example", "<forged-a@attacker.example>", "Change our delivery address",
                "Please ship our next order to 1 Evil Lane."));

        // the real Ava: VIP, priority queue, the managers told at once
        String real = MailRecords.awaitTicketKey(db(), "ava-1@acme.example");
        assertThat(ticket(real)).containsEntry("customer_tier", "vip").containsEntry("queue", "priority").containsEntry("sender_auth", "pass");
        String key = MailRecords.awaitTicketKey(db(), "forged-a@attacker.example");
        assertThat(ticket(key)).containsEntry("customer_tier", "unknown").containsEntry("customer_lookup", "sender_unverified")
                .containsEntry("sender_auth", "fail").containsEntry("review_flag", "unverified_sender").containsEntry("customer_id", null);
        assertThat((String) ticket(key).get("queue")).isNotEqualTo("priority");
        assertThat(MailRecords.events(db(), key)).contains("sender_authentication", "customer_not_applied", "flagged_for_review")
                .doesNotContain("manager_notified");
        assertThat(MailRecords.events(db(), real)).contains("manager_notified");
        assertThat(Rows.one(db(), "select sender_auth, sender_auth_reason, sender_trusted from mail_message where message_id = ?",
                "forged-a@attacker.example")).containsEntry("sender_auth", "fail").containsEntry("sender_trusted", false)
                .hasEntrySatisfying("sender_auth_reason", r -> assertThat((String) r).contains("dmarc=fail reported by trusted mx.hub.test"));
        assertThat(Rows.count(db(), "select count(*) from notification n join ticket t on t.id = n.ticket_id where t.key = ? "
                + "and n.dedupe_key like 'manager:%'", key)).as("no managers' VIP notice").isZero();

        // an agent finds it by its flag, and the ticket says why
        JsonNode flagged = api.list("review_flag=unverified_sender").path("items");
        assertThat(flagged.findValuesAsText("key")).contains(key).doesNotContain(real);
        JsonNode shown = api.read(key);
        assertThat(shown.path("sender_auth").asText()).isEqualTo("fail");
        assertThat(shown.path("customer").path("tier").asText()).isEqualTo("unknown");
    }

    @Test
    void a_forged_reply_naming_the_vips_ticket_key_does_not_join_it_but_opens_its_own_flagged_ticket() throws Exception {
        Transport.send(TestMails.text(smtp(), "vic@vertex.example", SUPPORT, "<vic-1@vertex.example>", "Invoice wrong", "Our invoice is wrong."));
        String vics = MailRecords.awaitTicketKey(db(), "vic-1@vertex.example");

        Transport.send(forged("vic@vertex.example", "<forged-b@attacker.example>", "Re: [" + vics + "] update",
                "Please send the corrected invoice to billing@attacker.example instead."));

        Map<String, Object> decision = MailRecords.awaitDecision(db(), "forged-b@attacker.example");
        assertThat(decision).containsEntry("decision", "created_ticket").containsEntry("decided_by", "threading");
        assertThat(decision.get("key")).isNotEqualTo(vics);
        assertThat((String) decision.get("reason")).contains("quoted " + vics, "not authenticated");
        assertThat(ticket((String) decision.get("key"))).containsEntry("review_flag", "unverified_sender");
        assertThat(MailRecords.events(db(), (String) decision.get("key"))).contains("threading_note");
        assertThat(Rows.count(db(), "select count(*) from ticket_comment c join ticket t on t.id = c.ticket_id where t.key = ?", vics)).isZero();

        // Vic's own mail that nothing verifies still joins by naming the acknowledgement the hub sent him
        MimeMessage ack = await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgementsTo("vic@vertex.example").stream()
                .filter(m -> subject(m).contains("[" + vics + "]")).findFirst().orElse(null), java.util.Objects::nonNull);
        MimeMessage reply = TestMails.stamped(smtp(), null, "vic@vertex.example", SUPPORT, "<vic-2@vertex.example>", "Re: [" + vics + "] Invoice wrong",
                "Thanks, waiting for the new one.");
        reply.setHeader("In-Reply-To", ack.getMessageID());
        Transport.send(reply);
        assertThat(MailRecords.awaitDecision(db(), "vic-2@vertex.example")).containsEntry("decision", "appended_comment").containsEntry("key", vics);
    }

    @Test
    void twelve_forgeries_use_allowances_of_their_own_and_the_real_customers_next_mail_is_ticketed_and_acknowledged() throws Exception {
        for (int i = 1; i <= 12; i++) {
            Transport.send(forged("cora@corvid.example", "<forged-c" + i + "@attacker.example>", "Question " + i, "Forged question " + i + "."));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db(), "select count(*) from mail_message where message_id like 'forged-c%'") == 12);
        assertThat(Rows.count(db(), "select count(*) from mail_message where message_id like 'forged-c%' and decision = 'created_ticket'"))
                .isEqualTo(10);
        assertThat(Rows.all(db(), "select reason from mail_message where message_id like 'forged-c%' and decision = 'held'"))
                .hasSize(2).allSatisfy(r -> assertThat((String) r.get("reason")).contains("unauthenticated mail claiming cora@corvid.example"));
        // the forged tickets' acknowledgements, ten a day to one address, come from the allowance of unauthenticated mail
        await().atMost(Duration.ofSeconds(20)).until(() -> acknowledgementsTo("cora@corvid.example").size() == 10);

        Transport.send(TestMails.text(smtp(), "cora@corvid.example", SUPPORT, "<cora-real@corvid.example>", "Production is down",
                "Urgent: production is down for all users."));

        String key = MailRecords.awaitTicketKey(db(), "cora-real@corvid.example");
        assertThat(ticket(key)).containsEntry("customer_tier", "vip").containsEntry("sender_auth", "pass").containsEntry("review_flag", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgementsTo("cora@corvid.example").stream()
                .anyMatch(m -> subject(m).contains("[" + key + "]")));
        assertThat(Rows.one(db(), "select n.state from notification n join ticket t on t.id = n.ticket_id where t.key = ? "
                + "and n.kind = 'acknowledgement_mail'", key)).containsEntry("state", "sent");
    }

    /** Mail in a customer's name that the receiving server saw come from mallory@attacker.example: DMARC failed. */
    static MimeMessage forged(String from, String messageId, String subject, String text) throws MessagingException {
        String domain = from.substring(from.indexOf('@') + 1);
        return TestMails.stamped(smtp(), TestMails.RECEIVING_SERVER + "; spf=pass smtp.mailfrom=mallory@attacker.example; dmarc=fail header.from="
                + domain, from, SUPPORT, messageId, subject, text);
    }

    static Map<String, Object> ticket(String key) {
        return Rows.one(db(), "select customer_tier, customer_lookup, customer_id, tier, queue, sender_auth, review_flag from ticket where key = ?", key);
    }

    static List<MimeMessage> acknowledgementsTo(String address) throws MessagingException {
        return TestMails.acknowledgementsTo(greenMail, address);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int smtp() {
        return greenMail.getSmtp().getPort();
    }

    static DataSource db() {
        return hub.dataSource();
    }
}
