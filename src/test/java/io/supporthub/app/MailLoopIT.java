package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.admin.ApiRole;
import io.supporthub.admin.ApiTokens;
import io.supporthub.db.Transactions;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.MovableClock;
import io.supporthub.testing.Rows;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loop test: an auto-responder that answers every mail it gets, without Auto-Submitted (the worst
 * case), is pointed at the hub for ten minutes of simulated time; the hub's mail to it stays within the
 * per-recipient cap, and a responder that writes fresh subjects opens no more tickets than the creation cap.
 */
class MailLoopIT {

    static final String SUPPORT = "support@hub.test";
    static final int PER_RECIPIENT_CAP = 3;
    static final int CREATION_CAP = 5;
    static final Duration ROUND = Duration.ofSeconds(30);
    static final int ROUNDS = 20; // 20 x 30 s = 10 simulated minutes

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static HubApplication hub;
    static String mailApi;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePort.next();
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret")
                .smtp(greenMail.getSmtp().getPort(), SUPPORT, Map.of("smtp.cap.per-recipient", Integer.toString(PER_RECIPIENT_CAP),
                        "smtp.cap.per-recipient-window", "PT24H"))
                .environment("HUB_MAIL_CREATION_CAP_PER_SENDER", Integer.toString(CREATION_CAP))
                .camelProperty("camel.server.port", Integer.toString(port))
                .clock(CLOCK).start();
        mailApi = "http://127.0.0.1:" + port + "/api/v1/mail";
        new ApiTokens(new Transactions(hub.dataSource())).install("agent", "agent-token", ApiRole.AGENT);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void a_responder_that_answers_with_a_fresh_subject_gets_no_more_mail_than_the_per_recipient_cap() throws Exception {
        String robot = "robot@fresh.example";
        Transport.send(mail(robot, "<fresh-0@fresh.example>", "Hello support", null));
        // per-recipient cap (3) below the creation cap (5): our acknowledgements stop first, and with them the loop
        int answered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            awaitHubIdle();
            List<MimeMessage> received = mailTo(robot);
            // The worst responder: a new subject and no In-Reply-To, so nothing threads and each answer is a new ticket.
            for (; answered < received.size(); answered++) {
                Transport.send(mail(robot, "<fresh-" + (answered + 1) + "@fresh.example>", "Thank you for your message", null));
            }
            CLOCK.advance(ROUND);
        }
        awaitHubIdle();

        int sent = mailTo(robot).size();
        long suppressed = Rows.count(hub.dataSource(), "select count(*) from notification where recipient = ? and state = 'suppressed'", robot);
        System.out.printf("loop test (fresh subjects): %d simulated minutes, hub sent %d mails to %s, %d suppressed by the cap%n",
                ROUNDS * ROUND.toSeconds() / 60, sent, robot, suppressed);
        assertThat(sent).isEqualTo(PER_RECIPIENT_CAP);
        assertThat(suppressed).isPositive();
        assertThat(Rows.all(hub.dataSource(), "select e.reason from ticket_event e join notification n on n.ticket_id = e.ticket_id "
                + "where n.recipient = ? and e.type = 'notification_suppressed'", robot))
                .allSatisfy(row -> assertThat((String) row.get("reason")).contains("per-recipient cap reached"));

        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket where requester_email = ?", robot)).isEqualTo(PER_RECIPIENT_CAP + 1);

        // The window slides on the hub's clock: a day later the same address is answered again.
        CLOCK.advance(Duration.ofHours(25));
        Transport.send(mail(robot, "<fresh-next-day@fresh.example>", "New question", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(robot).size() == PER_RECIPIENT_CAP + 1);
    }

    @Test
    void a_responder_that_replies_to_our_acknowledgement_is_threaded_and_gets_only_the_first_acknowledgement() throws Exception {
        String robot = "robot@threads.example";
        Transport.send(mail(robot, "<th-0@threads.example>", "Hello support", null));
        int answered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            awaitHubIdle();
            List<MimeMessage> received = mailTo(robot);
            for (; answered < received.size(); answered++) {
                MimeMessage ours = received.get(answered);
                Transport.send(mail(robot, "<th-" + (answered + 1) + "@threads.example>", "Re: " + ours.getSubject(), ours.getMessageID()));
            }
            CLOCK.advance(ROUND);
        }
        awaitHubIdle();

        System.out.printf("loop test (threaded replies): hub sent %d mail(s) to %s%n", mailTo(robot).size(), robot);
        assertThat(mailTo(robot)).hasSize(1);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket where requester_email = ?", robot)).isEqualTo(1);
    }

    @Test
    void two_responders_behind_one_address_with_fresh_subjects_open_no_more_than_the_creation_cap_and_the_rest_is_held_for_release()
            throws Exception {
        String robot = "robot@double.example";
        Transport.send(mail(robot, "<double-0@double.example>", "Hello support", null));
        int answered = 0;
        int sentByRobot = 1;
        for (int round = 0; round < ROUNDS; round++) {
            awaitHubIdle();
            List<MimeMessage> received = mailTo(robot);
            // An out-of-office and the customer's own helpdesk both answer each of our mails, each time with a new subject:
            // without a creation cap every answer is a new ticket, and their number grows with every round.
            for (; answered < received.size(); answered++) {
                Transport.send(mail(robot, "<double-" + sentByRobot++ + "@double.example>", "Out of office until Monday", null));
                Transport.send(mail(robot, "<double-" + sentByRobot++ + "@double.example>", "Ticket HD-" + (4000 + answered) + " opened", null));
            }
            CLOCK.advance(ROUND);
        }
        awaitHubIdle();

        long tickets = Rows.count(hub.dataSource(), "select count(*) from ticket where requester_email = ?", robot);
        List<Map<String, Object>> held = Rows.all(hub.dataSource(), "select m.message_id, m.decided_by, m.reason, q.id as quarantine_id "
                + "from mail_message m join mail_quarantine q on q.message_key = m.message_key where m.decision = 'held' "
                + "and m.message_id like '%@double.example' order by q.id");
        System.out.printf("loop test (two responders, fresh subjects): %d simulated minutes, robot sent %d mails, %d tickets (cap %d), "
                + "hub sent %d mails (cap %d), %d held%n", ROUNDS * ROUND.toSeconds() / 60, sentByRobot, tickets, CREATION_CAP,
                mailTo(robot).size(), PER_RECIPIENT_CAP, held.size());
        assertThat(tickets).isEqualTo(CREATION_CAP);
        assertThat(mailTo(robot)).hasSize(PER_RECIPIENT_CAP);
        assertThat(held).hasSize(sentByRobot - CREATION_CAP);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from mail_message where message_id like '%@double.example'"))
                .as("every mail has exactly one decision record").isEqualTo(sentByRobot);
        assertThat(held).allSatisfy(row -> {
            assertThat(row.get("decided_by")).isEqualTo("creation-cap");
            assertThat((String) row.get("reason")).contains("creation cap: robot@double.example opened 5 ticket(s) within 1h");
        });

        // The decision shows the hold and where to release it; an agent releases one past the cap.
        String heldId = (String) held.get(0).get("message_id");
        JsonNode decision = JSON.readTree(http("GET", "/decisions?message_id=" + heldId, "agent-token").body()).path("items").get(0);
        assertThat(decision.path("decision").asText()).isEqualTo("held");
        long quarantineId = decision.path("held_in_quarantine").asLong();
        assertThat(quarantineId).isEqualTo(((Number) held.get(0).get("quarantine_id")).longValue());
        assertThat(JSON.readTree(http("GET", "/quarantine?kind=held&pending=true", "agent-token").body()).path("items").findValuesAsText("held_by"))
                .hasSize(held.size()).containsOnly("creation-cap");

        HttpResponse<String> released = http("POST", "/quarantine/" + quarantineId + "/replay", "agent-token");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(JSON.readTree(released.body()).path("decisions").get(0).path("decision").asText()).isEqualTo("created_ticket");
        assertThat(http("POST", "/quarantine/" + quarantineId + "/replay", "agent-token").statusCode()).as("a second release changes nothing")
                .isEqualTo(200);
        awaitHubIdle();
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket where requester_email = ?", robot)).isEqualTo(CREATION_CAP + 1);
        assertThat(Rows.one(hub.dataSource(), "select e.reason from ticket_event e join mail_message m on m.ticket_id = e.ticket_id "
                + "where m.message_id = ? and e.type = 'mail_released'", heldId).get("reason").toString())
                .isEqualTo("held by the per-sender creation cap, released from quarantine #" + quarantineId);
        assertThat(mailTo(robot)).as("the released ticket's acknowledgement still meets the per-recipient cap").hasSize(PER_RECIPIENT_CAP);
    }

    @Test
    void an_agent_may_release_held_mail_but_not_replay_mail_that_failed() throws Exception {
        long failed = new MailQuarantine(new Transactions(hub.dataSource())).store(SUPPORT,
                "From: x@example.org\r\nSubject: s\r\n\r\nbody\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "an outage");
        HttpResponse<String> denied = http("POST", "/quarantine/" + failed + "/replay", "agent-token");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("may release held mail only");
    }

    /** Idle: every delivered mail processed (seen) and no acknowledgement waiting to go out. */
    static void awaitHubIdle() {
        await().atMost(Duration.ofSeconds(20)).until(() -> supportInboxUnseen() == 0
                && Rows.count(hub.dataSource(), "select count(*) from notification where state in ('pending', 'sending')") == 0);
    }

    static MimeMessage mail(String from, String messageId, String subject, String inReplyTo) throws MessagingException {
        MimeMessage message = TestMails.text(greenMail.getSmtp().getPort(), from, SUPPORT, messageId, subject, "Thank you for your e-mail. This is an automatic answer.");
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
        }
        return message;
    }

    static List<MimeMessage> mailTo(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1))) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }

    static HttpResponse<String> http(String method, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mailApi + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int supportInboxUnseen() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(SUPPORT)).getUnseenCount();
    }
}
