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
import io.supporthub.testing.MailRecords;
import io.supporthub.testing.Rows;
import io.supporthub.testing.SalesforceStubs;
import io.supporthub.testing.TestMails;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail the creation cap holds from an authenticated VIP or enterprise customer reaches a person at once (a Slack alert
 * through the outbox, about no ticket), instead of waiting unseen in quarantine; anyone else's held mail waits quietly.
 */
class HeldVipMailIT {

    static final String SUPPORT = "support@hub.test";
    static final String WEBHOOK = "/services/T000/B000/HELD";

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
        SalesforceStubs.contact(wireMock, "erin@globex.example", "Erin Hale", "Globex", "Enterprise", 900_000);
        SalesforceStubs.contact(wireMock, "sam@initech.example", "Sam Fox", "Initech", "Standard", 40_000);
        SalesforceStubs.noContact(wireMock);
        wireMock.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret").smtp(greenMail.getSmtp().getPort(), SUPPORT)
                .salesforce(wireMock.baseUrl()).slackWebhook(wireMock.baseUrl() + WEBHOOK)
                .environment("HUB_MAIL_CREATION_CAP_PER_SENDER", "2").start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        wireMock.stop();
    }

    @Test
    void a_held_mail_of_an_authenticated_vip_alerts_a_person_with_how_to_release_it() throws Exception {
        sendThree("ava@acme.example", "ava", true);

        Map<String, Object> held = MailRecords.awaitDecision(db(), "ava-3@mail.test");
        assertThat(held).containsEntry("decision", "held");
        long quarantineId = (Long) Rows.one(db(), "select id from mail_quarantine where message_key = 'ava-3@mail.test'").get("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> Rows.count(db(), "select count(*) from notification where ticket_id is null "
                + "and dedupe_key = 'held:ava-3@mail.test' and state = 'sent'") == 1);
        assertThat(slackBodies()).anySatisfy(body -> assertThat(body).contains("vip customer ava@acme.example", "was held",
                "/api/v1/mail/quarantine/" + quarantineId + "/replay"));
    }

    @Test
    void an_enterprise_customer_is_alerted_for_too() throws Exception {
        sendThree("erin@globex.example", "erin", true);

        assertThat(MailRecords.awaitDecision(db(), "erin-3@mail.test")).containsEntry("decision", "held");
        await().atMost(Duration.ofSeconds(10)).until(() -> Rows.count(db(), "select count(*) from notification where "
                + "dedupe_key = 'held:erin-3@mail.test' and state = 'sent'") == 1);
    }

    @Test
    void held_mail_of_a_standard_customer_or_forged_in_a_vips_name_waits_without_an_alert() throws Exception {
        sendThree("sam@initech.example", "sam", true);
        sendThree("ava@acme.example", "forged-ava", false);

        assertThat(MailRecords.awaitDecision(db(), "sam-3@mail.test")).containsEntry("decision", "held");
        assertThat(MailRecords.awaitDecision(db(), "forged-ava-3@mail.test")).containsEntry("decision", "held");
        assertThat(Rows.count(db(), "select count(*) from notification where dedupe_key in ('held:sam-3@mail.test', 'held:forged-ava-3@mail.test')"))
                .isZero();
    }

    /** Three mails with fresh subjects from one sender: the cap (2 here) holds the third. */
    static void sendThree(String from, String idPrefix, boolean authenticated) throws Exception {
        String stamp = authenticated ? TestMails.stamp(from) : TestMails.RECEIVING_SERVER + "; spf=pass smtp.mailfrom=mallory@attacker.example; "
                + "dmarc=fail header.from=" + from.substring(from.indexOf('@') + 1);
        for (int i = 1; i <= 3; i++) {
            Transport.send(TestMails.stamped(greenMail.getSmtp().getPort(), stamp, from, SUPPORT, "<" + idPrefix + "-" + i + "@mail.test>",
                    "Question " + i + " from " + idPrefix, "Question number " + i + "."));
            // in order, so the third is the one over the cap
            MailRecords.awaitDecision(db(), idPrefix + "-" + i + "@mail.test");
        }
    }

    static List<String> slackBodies() {
        return wireMock.findAll(postRequestedFor(urlEqualTo(WEBHOOK))).stream().map(r -> r.getBodyAsString()).toList();
    }

    static DataSource db() {
        return hub.dataSource();
    }
}
