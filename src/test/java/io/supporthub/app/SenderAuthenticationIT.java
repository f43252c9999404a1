package io.supporthub.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.MailRecords;
import io.supporthub.testing.Rows;
import io.supporthub.testing.SalesforceStubs;
import io.supporthub.testing.TestDkim;
import io.supporthub.testing.TestMails;
import jakarta.mail.Transport;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who a mail is from, through IMAP end to end: the Authentication-Results of the receiving server the mailbox trusts,
 * never those of another server or one a sender wrote lower down; else the mail's own DKIM signature, its key from
 * "DNS" (a fixed map here). The verdict is on the mail's decision record and its ticket's timeline.
 */
class SenderAuthenticationIT {

    static final String SUPPORT = "support@hub.test";
    static final TestDkim ACME = new TestDkim("acme.example", "s2026");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static WireMockServer salesforce;
    static HubApplication hub;

    @BeforeAll
    static void start() throws Exception {
        salesforce = new WireMockServer(options().dynamicPort());
        salesforce.start();
        SalesforceStubs.token(salesforce);
        for (String vip : new String[] {"ava", "ben", "cy", "dee", "eve"}) {
            SalesforceStubs.contact(salesforce, vip + "@acme.example", vip, "Acme Corporation", "VIP", 2_400_000);
        }
        SalesforceStubs.noContact(salesforce);
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret").smtp(greenMail.getSmtp().getPort(), SUPPORT)
                .salesforce(salesforce.baseUrl()).dkimKeys(ACME.published()).start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        salesforce.stop();
    }

    @Test
    void the_trusted_servers_dmarc_pass_is_the_verdict_on_the_record_and_the_timeline_and_the_vip_keeps_her_tier() throws Exception {
        Transport.send(TestMails.text(smtp(), "ava@acme.example", SUPPORT, "<ar-pass@acme.example>", "Export broken", "The export fails."));

        String key = MailRecords.awaitTicketKey(db(), "ar-pass@acme.example");
        assertThat(record("ar-pass@acme.example")).containsEntry("sender_auth", "pass").containsEntry("sender_trusted", true)
                .containsEntry("sender_auth_reason", "dmarc=pass reported by trusted mx.hub.test (header.from=acme.example)");
        assertThat(senderEvent(key)).containsEntry("actor", "mail-authentication")
                .hasEntrySatisfying("reason", r -> assertThat((String) r).startsWith("sender ava@acme.example: pass: dmarc=pass"));
        assertThat(ticket(key)).containsEntry("customer_tier", "vip").containsEntry("sender_auth", "pass");
    }

    @Test
    void results_from_a_server_the_mailbox_does_not_trust_leave_the_sender_unverified_and_restricted() throws Exception {
        Transport.send(TestMails.stamped(smtp(), "mx.evil.example; dmarc=pass header.from=acme.example", "ben@acme.example", SUPPORT,
                "<ar-untrusted@acme.example>", "Export broken", "The export fails."));

        String key = MailRecords.awaitTicketKey(db(), "ar-untrusted@acme.example");
        assertThat(record("ar-untrusted@acme.example")).containsEntry("sender_auth", "unverified").containsEntry("sender_trusted", false)
                .hasEntrySatisfying("sender_auth_reason", r -> assertThat((String) r).contains("ignored those of mx.evil.example"));
        assertThat(ticket(key)).containsEntry("customer_tier", "unknown").containsEntry("review_flag", "unverified_sender");
    }

    @Test
    void a_dkim_signed_mail_that_verifies_proves_its_sender_without_any_trusted_results() throws Exception {
        TestMails.sendRaw(smtp(), SUPPORT, ACME.sign(mail("cy@acme.example", "<dkim-pass@acme.example>", "Login fails", "I cannot log in.")));

        String key = MailRecords.awaitTicketKey(db(), "dkim-pass@acme.example");
        assertThat(record("dkim-pass@acme.example")).containsEntry("sender_auth", "pass").containsEntry("sender_trusted", true)
                .containsEntry("sender_auth_reason", "DKIM signature d=acme.example s=s2026 verifies and aligns with the From domain acme.example");
        assertThat(ticket(key)).containsEntry("customer_tier", "vip");
        assertThat(senderEvent(key)).hasEntrySatisfying("payload", p -> assertThat((String) p).contains("\"method\": \"dkim\""));
    }

    @Test
    void a_signed_mail_whose_body_was_altered_on_the_way_fails() throws Exception {
        String signed = ACME.sign(mail("dee@acme.example", "<dkim-altered@acme.example>", "Refund", "Please refund order 1001."));
        TestMails.sendRaw(smtp(), SUPPORT, signed.replace("order 1001", "order 1001 to IBAN XX00 EVIL"));

        String key = MailRecords.awaitTicketKey(db(), "dkim-altered@acme.example");
        assertThat(record("dkim-altered@acme.example")).containsEntry("sender_auth", "fail").containsEntry("sender_trusted", false)
                .hasEntrySatisfying("sender_auth_reason", r -> assertThat((String) r).contains("d=acme.example", "does not verify"));
        assertThat(ticket(key)).containsEntry("customer_tier", "unknown").containsEntry("review_flag", "unverified_sender");
    }

    @Test
    void a_trusted_servers_result_forged_below_the_senders_own_fields_counts_for_nothing() throws Exception {
        String forged = mail("eve@acme.example", "<ar-lower@attacker.example>", "Wire the money", "Pay the attached invoice today.")
                .replace("Subject:", "Authentication-Results: " + TestMails.RECEIVING_SERVER + "; dmarc=pass header.from=acme.example\r\nSubject:");
        TestMails.sendRaw(smtp(), SUPPORT, forged);

        String key = MailRecords.awaitTicketKey(db(), "ar-lower@attacker.example");
        assertThat(record("ar-lower@attacker.example")).containsEntry("sender_auth", "unverified").containsEntry("sender_trusted", false)
                .hasEntrySatisfying("sender_auth_reason", r -> assertThat((String) r).startsWith("no Authentication-Results from a trusted server"));
        assertThat(ticket(key)).containsEntry("customer_tier", "unknown").containsEntry("review_flag", "unverified_sender");
    }

    static String mail(String from, String messageId, String subject, String text) {
        return "From: " + from + "\r\nTo: " + SUPPORT + "\r\nSubject: " + subject + "\r\nDate: Mon, 1 Dec 2025 10:00:00 +0000\r\nMessage-ID: "
                + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + text + "\r\n";
    }

    static Map<String, Object> record(String messageId) {
        return Rows.one(db(), "select sender_auth, sender_auth_reason, sender_trusted from mail_message where message_id = ?", messageId);
    }

    static Map<String, Object> ticket(String key) {
        return Rows.one(db(), "select customer_tier, sender_auth, review_flag from ticket where key = ?", key);
    }

    static Map<String, Object> senderEvent(String key) {
        return Rows.one(db(), "select e.actor, e.reason, e.payload::text as payload from ticket_event e join ticket t on t.id = e.ticket_id "
                + "where t.key = ? and e.type = 'sender_authentication'", key);
    }

    static int smtp() {
        return greenMail.getSmtp().getPort();
    }

    static DataSource db() {
        return hub.dataSource();
    }
}
