package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.MovableClock;
import io.supporthub.testing.Rows;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
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
 * case), is pointed at the hub for ten minutes of simulated time; the hub's mail to it stays within the cap.
 */
class MailLoopIT {

    static final String SUPPORT = "support@hub.test";
    static final int PER_RECIPIENT_CAP = 10;
    static final Duration ROUND = Duration.ofSeconds(30);
    static final int ROUNDS = 20; // 20 x 30 s = 10 simulated minutes

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    static HubApplication hub;

    @BeforeAll
    static void start() throws Exception {
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret")
                .smtp(greenMail.getSmtp().getPort(), SUPPORT, Map.of("smtp.cap.per-recipient", Integer.toString(PER_RECIPIENT_CAP),
                        "smtp.cap.per-recipient-window", "PT24H"))
                .clock(CLOCK).start();
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

    static int supportInboxUnseen() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(SUPPORT)).getUnseenCount();
    }
}
