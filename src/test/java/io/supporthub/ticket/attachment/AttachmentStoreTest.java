package io.supporthub.ticket.attachment;

import io.supporthub.ticket.Channel;
import io.supporthub.sla.lifecycle.IntakeHooks;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.intake.IntakeOutcome;
import io.supporthub.intake.ReplyIntake;
import io.supporthub.intake.TicketIntake;
import io.supporthub.mail.InboundMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TestDatabase;
import io.supporthub.ticket.Classification;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerStore;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Routing;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.Tier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a mail carries, stored with its ticket or comment in the same transaction, against a real PostgreSQL. */
class AttachmentStoreTest {

    // Small limits so the tests can cross them: 64 bytes per file, 100 new bytes per mail.
    static final AttachmentLimits LIMITS = new AttachmentLimits(64, 100);
    static final InboundMailReader READER = new InboundMailReader(new MimeLimits(1024 * 1024, 100, 10, 64), MailFilterChain.standard("hub.test"));

    static HikariDataSource dataSource;
    static TicketIntake intake;
    static ReplyIntake replies;
    static TicketAttachments attachments;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(4);
        Transactions transactions = new Transactions(dataSource);
        TicketStore tickets = new TicketStore(transactions, new CustomerStore(transactions));
        AttachmentStore store = new AttachmentStore(tickets, LIMITS);
        intake = new TicketIntake(transactions, tickets, io.supporthub.ticket.SourceLedgers.of(Channel.EMAIL, new io.supporthub.mail.MailSourceLedger(new MailLedger(transactions))), new io.supporthub.ticket.ExternalLinks(transactions), new NotificationStore(transactions),
                new NotificationPolicy(false, false), store, IntakeHooks.NONE);
        replies = new ReplyIntake(transactions, tickets, io.supporthub.ticket.SourceLedgers.of(Channel.EMAIL, new io.supporthub.mail.MailSourceLedger(new MailLedger(transactions))), store, IntakeHooks.NONE);
        attachments = new TicketAttachments(transactions);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void a_new_tickets_files_are_stored_with_their_decoded_names_and_its_html_links_the_inline_image() {
        IntakeOutcome outcome = intake.create(draft(read(mail("<store-1@example.com>", "ann@example.com",
                part("image/png", "Content-ID: <logo@example.com>\nContent-Disposition: inline", bytes("LOGO")),
                part("text/plain; name=\"=?UTF-8?Q?Angebot_f=C3=BCr_Sie.txt?=\"", "Content-Disposition: attachment", bytes("offer"))))));
        String key = outcome.ticket().key();

        List<TicketAttachment> stored = attachments.list(key);
        assertThat(stored).extracting(TicketAttachment::filename).containsExactly(null, "Angebot für Sie.txt");
        assertThat(stored).allSatisfy(a -> {
            assertThat(a.stored()).isTrue();
            assertThat(a.messageKey()).isEqualTo("store-1@example.com");
            assertThat(a.commentId()).isNull();
            assertThat(a.origin()).isEqualTo("mail");
        });
        assertThat(stored.get(0).inline()).isTrue();
        assertThat(stored.get(0).sha256()).hasSize(64);
        TicketAttachments.File offer = attachments.file(key, stored.get(1).id()).orElseThrow();
        assertThat(new String(offer.content(), StandardCharsets.UTF_8)).isEqualTo("offer");
        assertThat(attachments.descriptionHtml(outcome.ticket().id()))
                .contains("src=\"/api/v1/tickets/" + key + "/attachments/" + stored.get(0).id() + "\"").doesNotContain("cid:");
        assertThat(Rows.one(dataSource, "select reason from ticket_event where ticket_id = ? and type = 'attachments_stored'", outcome.ticket().id()))
                .containsEntry("reason", "2 attachment(s) stored: (unnamed image/png), Angebot für Sie.txt");
    }

    @Test
    void a_file_over_the_attachment_limit_keeps_its_metadata_and_the_timeline_says_it_was_not_stored() {
        IntakeOutcome outcome = intake.create(draft(read(mail("<store-2@example.com>", "bo@example.com",
                part("application/zip; name=\"logs.zip\"", "Content-Disposition: attachment", new byte[200]),
                part("image/gif", "Content-ID: <huge@example.com>", new byte[100])))));

        List<TicketAttachment> stored = attachments.list(outcome.ticket().key());
        assertThat(stored).extracting(TicketAttachment::size).containsExactly(200L, 100L);
        assertThat(stored).allSatisfy(a -> {
            assertThat(a.stored()).isFalse();
            assertThat(a.sha256()).isNull();
            assertThat(a.notStored()).isEqualTo("not stored: over 64 bytes (the per-attachment limit)");
        });
        assertThat(attachments.file(outcome.ticket().key(), stored.get(0).id()).orElseThrow().content()).isNull();
        assertThat(Rows.all(dataSource, "select reason from ticket_event where ticket_id = ? and type = 'attachment_not_stored' order by id",
                outcome.ticket().id())).extracting(r -> r.get("reason")).containsExactly(
                "'logs.zip' (200 bytes) not stored: over 64 bytes (the per-attachment limit)",
                "'(unnamed image/gif)' (100 bytes) not stored: over 64 bytes (the per-attachment limit)");
        assertThat(attachments.descriptionHtml(outcome.ticket().id()))
                .contains("alt=\"[inline image not stored: over 64 bytes (the per-attachment limit)]\"").doesNotContain("cid:");
    }

    @Test
    void past_the_per_mail_budget_files_keep_their_metadata_and_a_reply_repeating_a_file_stores_its_bytes_once() {
        IntakeOutcome outcome = intake.create(draft(read(mail("<store-3@example.com>", "cy@example.com",
                part("text/plain; name=\"a.txt\"", "Content-Disposition: attachment", filled('a', 40)),
                part("text/plain; name=\"b.txt\"", "Content-Disposition: attachment", filled('b', 40)),
                part("text/plain; name=\"c.txt\"", "Content-Disposition: attachment", filled('c', 40))))));
        long ticketId = outcome.ticket().id();
        assertThat(attachments.list(outcome.ticket().key())).extracting(TicketAttachment::filename, TicketAttachment::notStored).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.txt", null), org.assertj.core.groups.Tuple.tuple("b.txt", null),
                org.assertj.core.groups.Tuple.tuple("c.txt", "not stored: the mail's attachments pass 100 bytes (the per-mail limit)"));

        // The reply carries a.txt again (already on the ticket: free) and c.txt (new: within this mail's own budget).
        InboundMail reply = read(mail("<store-4@example.com>", "cy@example.com",
                part("text/plain; name=\"a.txt\"", "Content-Disposition: attachment", filled('a', 40)),
                part("text/plain; name=\"c.txt\"", "Content-Disposition: attachment", filled('c', 40))));
        Long commentId = replies.append(reply.receipt(), ticketId, "subject_key", "ticket key in the subject", new ReplyIntake.Reply(
                "cy@example.com", "again", "again", null, reply.content().attachments()));

        assertThat(Rows.count(dataSource, "select count(*) from ticket_attachment where ticket_id = ? and comment_id = ? and not_stored is null",
                ticketId, commentId)).isEqualTo(2);
        assertThat(Rows.count(dataSource, "select count(*) from ticket_attachment_content where ticket_id = ?", ticketId))
                .as("a.txt, b.txt and c.txt, each once").isEqualTo(3);
    }

    @Test
    void a_replys_inline_image_is_linked_in_the_comments_html_and_a_redelivery_stores_nothing_twice() {
        IntakeOutcome outcome = intake.create(draft(read(mail("<store-5@example.com>", "di@example.com"))));
        InboundMail reply = read(mail("<store-6@example.com>", "di@example.com",
                part("image/jpeg", "Content-ID: <shot@example.com>", bytes("JPEG"))));
        ReplyIntake.Reply body = new ReplyIntake.Reply("di@example.com", "see screenshot", "see screenshot",
                reply.parsed().sanitizedHtml(), reply.content().attachments());

        Long commentId = replies.append(reply.receipt(), outcome.ticket().id(), "subject_key", "ticket key in the subject", body);
        Long again = replies.append(reply.receipt(), outcome.ticket().id(), "subject_key", "ticket key in the subject", body);

        assertThat(again).isNull();
        TicketAttachment shot = attachments.list(outcome.ticket().key()).get(0);
        assertThat(shot.commentId()).isEqualTo(commentId);
        assertThat(Rows.one(dataSource, "select body_html from ticket_comment where id = ?", commentId).get("body_html").toString())
                .contains("src=\"/api/v1/tickets/" + outcome.ticket().key() + "/attachments/" + shot.id() + "\"");
        assertThat(Rows.count(dataSource, "select count(*) from ticket_attachment where ticket_id = ?", outcome.ticket().id())).isEqualTo(1);
    }

    @Test
    void an_attachment_of_another_ticket_is_not_found_under_this_ticket() {
        IntakeOutcome first = intake.create(draft(read(mail("<store-7@example.com>", "ed@example.com",
                part("text/plain; name=\"mine.txt\"", "Content-Disposition: attachment", bytes("mine"))))));
        IntakeOutcome second = intake.create(draft(read(mail("<store-8@example.com>", "flo@example.com"))));
        long id = attachments.list(first.ticket().key()).get(0).id();
        assertThat(attachments.file(second.ticket().key(), id)).isEmpty();
        assertThat(attachments.file(first.ticket().key(), id)).isPresent();
    }

    /** A multipart/mixed mail with an HTML body naming cid:logo and cid:huge and cid:shot, plus the given parts. */
    static String mail(String messageId, String from, String... parts) {
        StringBuilder mail = new StringBuilder("From: " + from + "\nTo: support@hub.test\nSubject: Files\nMessage-ID: " + messageId
                + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/html; charset=utf-8\n\n"
                + "<p>Files <img src=\"cid:logo@example.com\"><img src=\"cid:huge@example.com\"><img src=\"cid:shot@example.com\"></p>\n");
        for (String part : parts) {
            mail.append("--b\n").append(part);
        }
        return mail.append("--b--\n").toString();
    }

    static String part(String contentType, String headers, byte[] content) {
        return "Content-Type: " + contentType + "\n" + headers + "\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\n";
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] filled(char c, int n) {
        return String.valueOf(c).repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    static InboundMail read(String rfc822) {
        return READER.read("support@hub.test", rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static TicketDraft draft(InboundMail mail) {
        CustomerSnapshot customer = CustomerSnapshot.notFound(mail.parsed().sender().address());
        return TicketDraft.of(mail.toIntakeRequest())
                .withCustomer(customer, TicketEvent.of("customer_enriched", "test", "not found", Map.of()))
                .withClassification(new Classification("general", Priority.P4, "normal", "neutral", "en"), List.of())
                .withRouting(new Routing(Tier.T1, "general", "test"), TicketEvent.of("routed", "test", "routed", Map.of()));
    }
}
