package io.supporthub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import io.supporthub.connector.spi.Secret;
import io.supporthub.mail.InboundMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.ReceivedMail;
import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two batches of a poll commit side by side; a third waits, and mails that must see an earlier batch wait for it. */
class MailboxPollTest {

    private static final Duration STILL_WAITING = Duration.ofMillis(300);

    private final InboundMailReader reader = new InboundMailReader(MimeLimits.defaults(), MailFilterChain.standard("hub.test"));
    private final MailboxPoll poll = new MailboxPoll(new MailboxSettings("support", "imap", "localhost", 143, "support", Secret.of("x"), "INBOX",
            Duration.ofSeconds(10), 100, "support@hub.test", null, null, null, 2, Duration.ofSeconds(5), SenderPolicy.defaults()), null, 7, List.of(1L, 2L, 3L));

    @Test
    void two_batches_are_handed_over_at_once_and_a_third_waits_for_the_oldest_to_be_done() {
        MailBatch first = prepared(1, "<a@example.org>");
        poll.handOver(first);
        MailBatch second = prepared(2, "<b@example.org>");
        // beside the first, which is still committing
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> poll.handOver(second));
        MailBatch third = prepared(3, "<c@example.org>");

        CompletableFuture<Void> handingOver = CompletableFuture.runAsync(() -> poll.handOver(third));
        await().during(STILL_WAITING).atMost(STILL_WAITING.multipliedBy(3)).until(() -> !handingOver.isDone());

        first.committed().complete(null);
        await().atMost(Duration.ofSeconds(5)).until(handingOver::isDone);
        assertThat(poll.stopped()).isFalse();
    }

    @Test
    void a_new_batch_knows_the_message_ids_of_every_batch_still_committing() {
        List<MailBatch> committing = twoCommitting();
        MailBatch first = committing.get(0);

        assertThat(poll.newBatch(List.of(mail(3, "<c@example.org>"))).earlierMessageIds()).containsExactlyInAnyOrder("a@example.org", "b@example.org");

        first.committed().complete(null);
        assertThat(poll.newBatch(List.of(mail(4, "<d@example.org>"))).earlierMessageIds()).containsExactly("b@example.org");
    }

    @Test
    void mails_of_a_batch_that_go_one_by_one_wait_until_the_batch_handed_over_before_it_is_done() {
        List<MailBatch> committing = twoCommitting();
        MailBatch first = committing.get(0);
        MailBatch second = committing.get(1);

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> poll.awaitEarlierBatches(second));
        await().during(STILL_WAITING).atMost(STILL_WAITING.multipliedBy(3)).until(() -> !waiting.isDone());

        first.committed().complete(null);
        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        poll.awaitEarlierBatches(first);   // the first batch of a poll waits for nothing
    }

    /** Batches of mails a@ and b@, both handed over and still committing. */
    private List<MailBatch> twoCommitting() {
        MailBatch first = prepared(1, "<a@example.org>");
        poll.handOver(first);
        MailBatch second = prepared(2, "<b@example.org>");
        poll.handOver(second);
        return List.of(first, second);
    }

    private MailBatch prepared(long uid, String messageId) {
        MailBatch batch = poll.newBatch(List.of(mail(uid, messageId)));
        InboundMail mail = reader.read(batch.mails().get(0));
        batch.prepared(0, new PreparedMail.Decision(mail, "ignore_automatic", "automatic-mail", "test", null));
        return batch;
    }

    private static ReceivedMail mail(long uid, String messageId) {
        String raw = "Message-ID: " + messageId + "\r\nFrom: ann@example.com\r\nTo: support@hub.test\r\nSubject: test\r\n\r\nhello\r\n";
        return new ReceivedMail("support", "support@hub.test", 7L, uid, raw.getBytes(StandardCharsets.UTF_8));
    }
}
