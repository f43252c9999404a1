package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.SalesforceStubs;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** End to end: a mail over SMTP becomes a classified, routed, acknowledged ticket — once. */
class MailToTicketIT {

    static final String SUPPORT = "support@hub.test";
    static final String WEBHOOK = "/services/T000/B000/XXXX";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static WireMockServer wireMock;
    static HubApplication hub;

    @BeforeAll
    static void start() throws Exception {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        SalesforceStubs.token(wireMock);
        SalesforceStubs.contact(wireMock, "ava@acme.example", "Ava Martin", "Acme Corporation", "VIP", 2_400_000);
        SalesforceStubs.noContact(wireMock);
        wireMock.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
        hub = new HubUnderTest()
                .mailbox(greenMail.getImap().getPort(), SUPPORT, "secret")
                .smtp(greenMail.getSmtp().getPort(), SUPPORT)
                .salesforce(wireMock.baseUrl())
                .slackWebhook(wireMock.baseUrl() + WEBHOOK)
                .start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        wireMock.stop();
    }

    @Test
    void p1_mail_from_a_vip_becomes_one_routed_ticket_one_acknowledgement_and_its_slack_alerts_even_when_redelivered() throws Exception {
        MimeMessage mail = mail("ava@acme.example", "<outage-1@acme.example>", "Production is down",
                "Urgent: our production system is down for all users since 09:00.");
        Transport.send(mail);

        Map<String, Object> ticket = awaitTicketFrom("ava@acme.example");
        assertThat(ticket).containsEntry("category", "outage").containsEntry("priority", "P1").containsEntry("tier", "T3")
                .containsEntry("queue", "emergency").containsEntry("customer_tier", "vip").containsEntry("customer_lookup", "found");
        String key = (String) ticket.get("key");
        assertThat(events(key)).contains("received", "customer_enriched", "categorized", "prioritized", "routed");

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgementsTo("ava@acme.example").size() == 1);
        MimeMessage ack = acknowledgementsTo("ava@acme.example").get(0);
        assertThat(ack.getSubject()).contains("[" + key + "]");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<outage-1@acme.example>");
        // the urgent ticket's alert, and the managers' notice a VIP's ticket gets at once
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wireMock.verify(2, postRequestedFor(urlEqualTo(WEBHOOK))));
        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(WEBHOOK)))).extracting(r -> r.getBodyAsString())
                .anySatisfy(body -> assertThat(body).contains("P1 · critical priority"))
                .anySatisfy(body -> assertThat(body).contains("Manager notice"));

        // The same message delivered again (a resend, a second MX hop): nothing new may happen.
        Transport.send(mail);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf("<outage-1@acme.example>") == 2 && supportInboxUnseen() == 0);
        assertThat(mailMessages()).isEqualTo(1);
        assertThat(ticketsFrom("ava@acme.example")).isEqualTo(1);
        assertThat(acknowledgementsTo("ava@acme.example")).hasSize(1);
        wireMock.verify(2, postRequestedFor(urlEqualTo(WEBHOOK)));
    }

    @Test
    void mail_from_an_unknown_sender_takes_the_new_customer_path_without_a_slack_alert() throws Exception {
        Transport.send(mail("newcomer@example.org", "<q-1@example.org>", "How do I export my invoices?",
                "Hello, where can I download last month's invoice?"));

        Map<String, Object> ticket = awaitTicketFrom("newcomer@example.org");
        assertThat(ticket).containsEntry("customer_tier", "unknown").containsEntry("customer_lookup", "not_found")
                .containsEntry("category", "billing").containsEntry("tier", "T1").containsEntry("priority", "P4");
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgementsTo("newcomer@example.org").size() == 1);
        assertThat(notifications((String) ticket.get("key"), "slack_alert")).isZero();
    }

    @Test
    void an_auto_reply_is_recorded_with_its_reason_and_gets_neither_a_ticket_nor_an_acknowledgement() throws Exception {
        MimeMessage autoReply = mail("away@example.org", "<ooo-1@example.org>", "Automatic reply: Your invoice",
                "I am out of the office until Monday.");
        autoReply.setHeader("Auto-Submitted", "auto-replied");
        Transport.send(autoReply);

        await().atMost(Duration.ofSeconds(10)).until(() -> !query("select decision, decided_by, reason from mail_message "
                + "where message_id = 'ooo-1@example.org'").isEmpty());
        assertThat(query("select decision, decided_by from mail_message where message_id = 'ooo-1@example.org'"))
                .containsEntry("decision", "ignore_automatic").containsEntry("decided_by", "automatic-mail");
        assertThat(ticketsFrom("away@example.org")).isZero();
        assertThat(acknowledgementsTo("away@example.org")).isEmpty();
    }

    private static MimeMessage mail(String from, String messageId, String subject, String text) throws Exception {
        MimeMessage message = TestMails.text(greenMail.getSmtp().getPort(), from, SUPPORT, messageId, subject, text);
        return message;
    }

    private static List<MimeMessage> acknowledgementsTo(String address) {
        List<MimeMessage> acks = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1))) {
            try {
                if (m.getAllRecipients()[0].toString().equals(address) && m.getHeader("Auto-Submitted", null) != null) {
                    acks.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return acks;
    }

    private static com.icegreen.greenmail.store.MailFolder supportInbox() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(SUPPORT));
    }

    private static int supportInboxUnseen() throws Exception {
        return supportInbox().getUnseenCount();
    }

    private static long deliveriesOf(String messageId) throws Exception {
        long count = 0;
        for (var stored : supportInbox().getMessages()) {
            if (messageId.equals(stored.getMimeMessage().getMessageID())) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, Object> awaitTicketFrom(String requester) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ticketsFrom(requester) == 1);
        return query("select key, category, priority, tier, queue, customer_tier, customer_lookup from ticket where requester_email = '"
                + requester + "'");
    }

    private static int ticketsFrom(String requester) {
        return ((Number) query("select count(*) as n from ticket where requester_email = '" + requester + "'").get("n")).intValue();
    }

    private static int mailMessages() {
        return ((Number) query("select count(*) as n from mail_message where message_id = 'outage-1@acme.example'").get("n")).intValue();
    }

    private static int notifications(String key, String kind) {
        return ((Number) query("select count(*) as n from notification n join ticket t on t.id = n.ticket_id where t.key = '" + key
                + "' and n.kind = '" + kind + "'").get("n")).intValue();
    }

    private static List<String> events(String key) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = hub.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select type from ticket_event e join ticket t on t.id = e.ticket_id where t.key = '" + key + "' order by e.id")) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        return types;
    }

    private static Map<String, Object> query(String sql) {
        try (Connection c = hub.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return Map.of();
            }
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            return row;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
