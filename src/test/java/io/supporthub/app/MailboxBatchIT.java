package io.supporthub.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.micrometer.MicrometerConstants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.Rows;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mailbox batches against a real IMAP server: the mails of a test arrive in the polled folder all at
 * once (a folder renamed into place), so they are fetched, prepared and committed as one batch.
 */
class MailboxBatchIT {

    static final String SUPPORT = "support@hub.test";
    static final String FOLDER = "Support";

    @RegisterExtension
    GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"));

    HubApplication hub;

    @BeforeEach
    void start() throws Exception {
        hub = startHub(500);
    }

    private HubApplication startHub(int mailsPerBatch) throws Exception {
        return new HubUnderTest().mailboxKeys(Map.of("mailbox.protocol", "imap", "mailbox.host", "127.0.0.1",
                "mailbox.port", Integer.toString(greenMail.getImap().getPort()), "mailbox.username", SUPPORT, "mailbox.password", "secret",
                "mailbox.folder", FOLDER, "mailbox.poll-interval", "PT0.2S", "mailbox.address", SUPPORT,
                "mailbox.max-messages-per-poll", Integer.toString(mailsPerBatch), "mailbox.trusted-authserv-ids", TestMails.RECEIVING_SERVER)).start();
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void one_unreadable_mail_in_a_batch_is_quarantined_and_the_others_become_tickets() throws Exception {
        arriveTogether(List.of(mail("<a-1@example.org>", "ann@example.com", "Printer jam", null),
                mail("<a-2@example.org>", "bob@example.com", "Cannot export", null),
                "Message-ID: <broken@example.org>\r\nSubject: nobody sent this\r\n\r\nno From header at all\r\n",
                mail("<a-3@example.org>", "cat@example.com", "Password reset", null)));

        awaitAllSeen(4);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket")).isEqualTo(3);
        assertThat(Rows.all(hub.dataSource(), "select error from mail_quarantine"))
                .singleElement().satisfies(row -> assertThat((String) row.get("error")).contains("no readable From address"));
        // each mail record knows where in the mailbox the mail was
        assertThat(Rows.all(hub.dataSource(), "select mailbox_name, uidvalidity, uid from mail_message"))
                .hasSize(3).allSatisfy(row -> assertThat(row).containsEntry("mailbox_name", "default").containsEntry("uidvalidity", folder().getUidValidity())
                        .hasEntrySatisfying("uid", uid -> assertThat((Long) uid).isPositive()));
        // counted by outcome; the per-mail sub-routes are not timed, the routes that call them are
        MeterRegistry meters = hub.camelContext().getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        assertThat(meters.get("supporthub.mail.intake").tags("mailbox", "default", "outcome", "ticket").counter().count()).isEqualTo(3.0);
        assertThat(meters.get("supporthub.mail.intake").tags("mailbox", "default", "outcome", "quarantined").counter().count()).isEqualTo(1.0);
        assertThat(meters.find("camel.exchanges.total").tag("routeId", "mail-prepare").counters()).isEmpty();
        assertThat(meters.find("camel.exchanges.total").tag("routeId", "commit-mail-batch").counters()).isNotEmpty();
    }

    @Test
    void a_mail_the_database_refuses_is_quarantined_once_instead_of_being_fetched_again_on_every_poll() throws Exception {
        // a Message-ID longer than an index entry may be: the batch's transaction fails, and alone the mail fails again
        String huge = "<" + new java.util.Random(1).ints(3000, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append) + "@example.org>";
        arriveTogether(List.of(mail("<fine-1@example.org>", "ann@example.com", "Printer jam", null),
                mail(huge, "bob@example.com", "Cannot export", null), mail("<fine-2@example.org>", "cat@example.com", "Password reset", null)));

        awaitAllSeen(3);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket")).isEqualTo(2);
        assertThat(Rows.all(hub.dataSource(), "select error, uid from mail_quarantine")).singleElement()
                .satisfies(row -> assertThat((String) row.get("error")).contains("index row size"))
                .satisfies(row -> assertThat(row.get("uid")).isNotNull());
    }

    @Test
    void the_same_mail_twice_in_one_batch_opens_one_ticket_and_both_copies_are_flagged_seen() throws Exception {
        String mail = mail("<twice@example.org>", "ann@example.com", "Invoice missing", null);
        arriveTogether(List.of(mail, mail));

        awaitAllSeen(2);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket")).isEqualTo(1);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from mail_message")).isEqualTo(1);
    }

    @Test
    void a_reply_in_the_same_batch_as_the_mail_it_answers_becomes_a_comment_on_that_mails_ticket() throws Exception {
        arriveTogether(List.of(mail("<first@example.org>", "ann@example.com", "Sync fails", null),
                mail("<second@example.org>", "ann@example.com", "Re: Sync fails", "<first@example.org>")));

        awaitAllSeen(2);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket")).isEqualTo(1);
        assertThat(Rows.one(hub.dataSource(), "select decision from mail_message where message_id = 'second@example.org'"))
                .containsEntry("decision", "appended_comment");
    }

    @Test
    void replies_in_the_batches_after_the_mails_they_answer_become_comments_although_each_batch_was_fetched_ahead() throws Exception {
        hub.close();
        hub = startHub(2);
        // batches of two: a reply arrives one or two batches after its original, which may still be committing (two batches
        // commit side by side) while the reply's batch is prepared
        arriveTogether(List.of(mail("<a1@example.org>", "ann@example.com", "Sync fails", null),
                mail("<b1@example.org>", "bob@example.com", "Invoice missing", null),
                mail("<a2@example.org>", "ann@example.com", "Re: Sync fails", "<a1@example.org>"),
                mail("<c1@example.org>", "cat@example.com", "Password reset", null),
                mail("<b2@example.org>", "bob@example.com", "Re: Invoice missing", "<b1@example.org>"),
                mail("<a3@example.org>", "ann@example.com", "Re: Re: Sync fails", "<a2@example.org>")));

        awaitAllSeen(6);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket")).isEqualTo(3);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from mail_message where decision = 'appended_comment'")).isEqualTo(3);
        assertThat(Rows.count(hub.dataSource(), "select count(distinct ticket_id) from mail_message where message_id like 'a%'")).isEqualTo(1);
    }

    @Test
    void a_new_uidvalidity_renumbers_the_mail_but_duplicates_nothing() throws Exception {
        List<String> mails = List.of(mail("<v-1@example.org>", "ann@example.com", "Login loop", null),
                mail("<v-2@example.org>", "bob@example.com", "Refund status", null));
        arriveTogether(mails);
        awaitAllSeen(2);
        long before = folder().getUidValidity();
        // GreenMail derives UIDVALIDITY from the clock in seconds: a folder made in the same second would get the same one
        await().atMost(Duration.ofSeconds(3)).until(() -> System.currentTimeMillis() / 1000 > before);

        // the server rebuilds the folder: same mails, unseen again, new UIDs and UIDVALIDITY, and one new mail
        arriveTogether(List.of(mails.get(0), mails.get(1), mail("<v-3@example.org>", "cat@example.com", "New question", null)));
        assertThat(folder().getUidValidity()).isNotEqualTo(before);

        awaitAllSeen(3);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket")).isEqualTo(3);
        assertThat(Rows.count(hub.dataSource(), "select count(*) from mail_message")).isEqualTo(3);
        assertThat(Rows.one(hub.dataSource(), "select uidvalidity from mailbox_poll where mailbox_name = 'default'"))
                .containsEntry("uidvalidity", folder().getUidValidity());
    }

    private static String mail(String messageId, String from, String subject, String inReplyTo) {
        // stamped by the receiving server the hub trusts, so a reply may join by naming the customer's first mail
        return TestMails.stampLine(from) + "Message-ID: " + messageId + "\r\nFrom: " + from + "\r\nTo: " + SUPPORT + "\r\nSubject: " + subject + "\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "Date: Mon, 23 Nov 2026 09:00:00 +0000\r\n\r\n" + subject + ", please help.\r\n";
    }

    /** The mails appear in the polled folder at one instant: built in a folder beside it, then renamed into its place. */
    private void arriveTogether(List<String> raws) throws Exception {
        GreenMailUser user = greenMail.getManagers().getUserManager().getUser(SUPPORT);
        var folders = greenMail.getManagers().getImapHostManager();
        MailFolder staging = folders.createMailbox(user, "Staging");
        for (String raw : raws) {
            staging.appendMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))),
                    new Flags(), new Date());
        }
        if (folders.getFolder(user, FOLDER) != null) {
            folders.deleteMailbox(user, FOLDER);
        }
        folders.renameMailbox(user, "Staging", FOLDER);
    }

    private void awaitAllSeen(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            MailFolder folder = folder();
            return folder != null && folder.getMessageCount() == count && folder.getUnseenCount() == 0;
        });
    }

    private MailFolder folder() {
        return greenMail.getManagers().getImapHostManager().getFolder(greenMail.getManagers().getUserManager().getUser(SUPPORT), FOLDER);
    }
}
