package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.MailRecords;
import io.supporthub.testing.Rows;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** End to end through GreenMail and the real routes: a customer's reply to our acknowledgement joins the ticket as a comment. */
class MailThreadingIT {

    static final String SUPPORT = "support@hub.test";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static HubApplication hub;

    @BeforeAll
    static void start() throws Exception {
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret")
                .smtp(greenMail.getSmtp().getPort(), SUPPORT).start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void a_reply_to_the_acknowledgement_becomes_a_comment_on_the_same_ticket_without_a_second_acknowledgement() throws Exception {
        MimeMessage first = mail("sam@initech.example", "<login-1@initech.example>", "Cannot log in", "My password reset link does not work.");
        first.setRecipients(Message.RecipientType.CC, "lee@initech.example");
        Transport.send(first);
        String key = awaitTicketKey("login-1@initech.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgementsTo("sam@initech.example").size() == 1);
        String ackId = acknowledgementsTo("sam@initech.example").get(0).getMessageID();
        assertThat(ackId).startsWith("<ack." + key + ".").endsWith("@hub.test>");

        MimeMessage reply = mail("sam@initech.example", "<login-2@initech.example>", "Re: Cannot log in", """
                It works now, thanks!

                On Mon, 23 Nov 2026 at 10:00, Support <support@hub.test> wrote:
                > thank you for contacting us. We have received your request and opened ticket %s.
                """.formatted(key));
        reply.setHeader("In-Reply-To", ackId);
        reply.setHeader("References", "<login-1@initech.example> " + ackId);
        Transport.send(reply);

        Map<String, Object> decision = awaitDecision("login-2@initech.example");
        assertThat(decision).containsEntry("decision", "appended_comment").containsEntry("decided_by", "threading")
                .containsEntry("key", key);
        assertThat((String) decision.get("reason")).contains("In-Reply-To/References");
        Map<String, Object> comment = Rows.one(hub.dataSource(), "select c.visibility, c.author, c.body_text, c.body_original, c.source_system, "
                + "c.message_id from ticket_comment c join mail_message m on m.comment_id = c.id where m.message_id = ?", "login-2@initech.example");
        assertThat(comment).containsEntry("visibility", "public").containsEntry("author", "sam@initech.example")
                .containsEntry("body_text", "It works now, thanks!").containsEntry("source_system", "email")
                .containsEntry("message_id", "login-2@initech.example");
        assertThat((String) comment.get("body_original")).contains("> thank you for contacting us");
        assertThat(events(key)).contains("comment_added", "mail_decision");

        await().atMost(Duration.ofSeconds(10)).until(() -> supportInboxUnseen() == 0);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket where requester_email = ?", "sam@initech.example")).isEqualTo(1);
        assertThat(acknowledgementsTo("sam@initech.example")).as("no acknowledgement for a comment").hasSize(1);

        // The colleague on Cc of the first mail may reply too; and a reply reopens a solved ticket.
        Rows.all(hub.dataSource(), "update ticket set status = 'solved' where key = ? returning id", key);
        Transport.send(mail("lee@initech.example", "<login-3@initech.example>", "RE: [" + key + "] Cannot log in", "Broken again for me."));
        assertThat(awaitDecision("login-3@initech.example")).containsEntry("decision", "appended_comment").containsEntry("key", key);
        assertThat(Rows.one(hub.dataSource(), "select status from ticket where key = ?", key)).containsEntry("status", "open");
        assertThat(events(key)).contains("status_changed");
    }

    @Test
    void a_stranger_quoting_another_customers_key_gets_a_new_ticket_with_a_note_and_the_other_ticket_stays_untouched() throws Exception {
        Transport.send(mail("kim@acme.example", "<kim-1@acme.example>", "Invoice question", "Why is my invoice higher this month?"));
        String kims = awaitTicketKey("kim-1@acme.example");

        Transport.send(mail("mallory@evil.example", "<mal-1@evil.example>", "Re: [" + kims + "] Invoice question",
                "Please send me the invoice of this ticket."));

        Map<String, Object> decision = awaitDecision("mal-1@evil.example");
        assertThat(decision).containsEntry("decision", "created_ticket").containsEntry("decided_by", "threading");
        assertThat(decision.get("key")).isNotEqualTo(kims);
        assertThat((String) decision.get("reason")).contains("quoted " + kims, "mallory@evil.example is not a participant");
        assertThat(events((String) decision.get("key"))).contains("threading_note");
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket_comment c join ticket t on t.id = c.ticket_id where t.key = ?", kims))
                .isZero();
    }

    @Test
    void a_reply_to_a_closed_ticket_opens_a_follow_up_linked_both_ways() throws Exception {
        Transport.send(mail("jo@acme.example", "<jo-1@acme.example>", "Export fails", "The CSV export fails."));
        String old = awaitTicketKey("jo-1@acme.example");
        Rows.all(hub.dataSource(), "update ticket set status = 'closed' where key = ? returning id", old);

        Transport.send(mail("jo@acme.example", "<jo-2@acme.example>", "Re: [" + old + "] Export fails", "It fails again."));

        Map<String, Object> decision = awaitDecision("jo-2@acme.example");
        assertThat(decision).containsEntry("decision", "created_ticket");
        assertThat(decision.get("key")).isNotEqualTo(old);
        assertThat(events(old)).contains("follow_up_created");
        assertThat(Rows.one(hub.dataSource(), "select status from ticket where key = ?", old)).containsEntry("status", "closed");
    }

    @Test
    void an_auto_reply_to_our_acknowledgement_is_ignored_but_shows_on_the_tickets_timeline() throws Exception {
        Transport.send(mail("away@initech.example", "<away-1@initech.example>", "Printer jam", "The printer on floor 2 jams."));
        String key = awaitTicketKey("away-1@initech.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgementsTo("away@initech.example").size() == 1);
        MimeMessage outOfOffice = mail("away@initech.example", "<away-2@initech.example>", "Automatic reply: [" + key + "] Re: Printer jam",
                "I am out of the office until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setHeader("In-Reply-To", acknowledgementsTo("away@initech.example").get(0).getMessageID());
        Transport.send(outOfOffice);

        assertThat(awaitDecision("away-2@initech.example")).containsEntry("decision", "ignore_automatic").containsEntry("key", key);
        assertThat(events(key)).filteredOn("mail_decision"::equals).hasSize(2);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket_comment c join ticket t on t.id = c.ticket_id where t.key = ?", key))
                .isZero();
        assertThat(acknowledgementsTo("away@initech.example")).hasSize(1);
    }

    static MimeMessage mail(String from, String messageId, String subject, String text) throws MessagingException {
        MimeMessage message = TestMails.text(greenMail.getSmtp().getPort(), from, SUPPORT, messageId, subject, text);
        return message;
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

    static List<MimeMessage> acknowledgementsTo(String address) throws MessagingException {
        List<MimeMessage> acks = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1))) {
            if (m.getAllRecipients()[0].toString().equals(address) && m.getHeader("Auto-Submitted", null) != null) {
                acks.add(m);
            }
        }
        return acks;
    }

    static int supportInboxUnseen() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(SUPPORT)).getUnseenCount();
    }
}
