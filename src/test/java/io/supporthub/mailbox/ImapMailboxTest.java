package io.supporthub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.connector.spi.Secret;
import io.supporthub.mail.auth.SenderPolicy;
import jakarta.mail.Flags;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mailbox connection in UIDs, against a real IMAP server: what it fetches, what it flags, and what an expunge does to it. */
class ImapMailboxTest {

    static final String SUPPORT = "support@hub.test";

    @RegisterExtension
    GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"));

    @Test
    void a_batch_is_fetched_whole_without_flagging_anything_and_flagged_seen_with_one_store() throws Exception {
        append("<one@example.org>", "first");
        append("<two@example.org>", "second");
        append("<three@example.org>", "third");
        try (ImapMailbox mailbox = open()) {
            List<Long> unseen = mailbox.unseenUids();
            assertThat(unseen).hasSize(3).isSorted();
            assertThat(mailbox.sizes(unseen)).containsOnlyKeys(unseen).allSatisfy((uid, size) -> assertThat(size).isPositive());

            List<ImapMailbox.FetchedMessage> fetched = mailbox.fetch(unseen);
            assertThat(fetched).extracting(ImapMailbox.FetchedMessage::uid).containsExactlyElementsOf(unseen);
            // the bytes are the server's own, untouched: what quarantine keeps and what a missing Message-ID is hashed from
            assertThat(fetched.get(0).raw()).isEqualTo(served(0));
            assertThat(mailbox.unseenUids()).as("reading flags nothing").hasSize(3);

            mailbox.markSeen(unseen.subList(0, 2));
            assertThat(mailbox.unseenUids()).containsExactly(unseen.get(2));
        }
        assertThat(inbox().getMessages().get(0).isSet(Flags.Flag.SEEN)).isTrue();
        assertThat(inbox().getMessages().get(2).isSet(Flags.Flag.SEEN)).isFalse();
    }

    @Test
    void a_mail_expunged_between_search_fetch_and_store_is_simply_missing_and_the_others_are_flagged() throws Exception {
        append("<keep-1@example.org>", "stays");
        append("<gone@example.org>", "expunged by another client");
        append("<keep-2@example.org>", "stays too");
        try (ImapMailbox mailbox = open()) {
            List<Long> unseen = mailbox.unseenUids();
            expunge(1);
            List<ImapMailbox.FetchedMessage> fetched = mailbox.fetch(unseen);
            assertThat(fetched).extracting(ImapMailbox.FetchedMessage::uid).containsExactly(unseen.get(0), unseen.get(2));

            expunge(0);
            mailbox.markSeen(unseen);
            assertThat(mailbox.unseenUids()).isEmpty();
        }
        assertThat(inbox().getMessages()).hasSize(1).allSatisfy(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isTrue());
    }

    @Test
    void the_folders_uidvalidity_is_what_the_server_announces() throws Exception {
        try (ImapMailbox mailbox = open()) {
            assertThat(mailbox.uidValidity()).isEqualTo(inbox().getUidValidity());
        }
    }

    @Test
    void uid_sets_are_sent_as_ranges() {
        assertThat(UidSet.format(List.of(9L, 4L, 5L, 6L, 12L, 15L, 16L))).isEqualTo("4:6,9,12,15:16");
        assertThat(UidSet.format(List.of(3L))).isEqualTo("3");
    }

    private ImapMailbox open() throws Exception {
        MailboxSettings settings = new MailboxSettings("support", "imap", "127.0.0.1", greenMail.getImap().getPort(), SUPPORT,
                Secret.of("secret"), "INBOX", Duration.ofSeconds(1), 100, SUPPORT, null, null, null, 2, Duration.ofSeconds(5), SenderPolicy.defaults());
        return ImapMailbox.open(settings, new Properties(), () -> new PasswordAuthentication(SUPPORT, "secret"));
    }

    private void append(String messageId, String text) throws Exception {
        String raw = "Message-ID: " + messageId + "\r\nFrom: ann@example.com\r\nTo: " + SUPPORT + "\r\nSubject: " + text + "\r\n\r\n" + text + "\r\n";
        inbox().appendMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))),
                new Flags(), new Date());
    }

    private byte[] served(int index) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inbox().getMessages().get(index).getMimeMessage().writeTo(out);
        return out.toByteArray();
    }

    private void expunge(int index) throws Exception {
        StoredMessage message = inbox().getMessages().get(index);
        message.setFlag(Flags.Flag.DELETED, true);
        inbox().expunge();
    }

    private MailFolder inbox() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(SUPPORT));
    }
}
