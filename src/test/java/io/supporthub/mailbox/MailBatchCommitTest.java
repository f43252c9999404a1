package io.supporthub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.connector.spi.Secret;
import io.supporthub.db.DatabaseException;
import io.supporthub.mail.InboundMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.ReceivedMail;
import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a batch commit does when it cannot commit everything together: one by one for a conflict, nothing for an outage. */
class MailBatchCommitTest {

    private static final MailIntakeCounts COUNTS = new MailIntakeCounts(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    private final InboundMailReader reader = new InboundMailReader(MimeLimits.defaults(), MailFilterChain.standard("hub.test"));
    private final MailboxPoll poll = new MailboxPoll(new MailboxSettings("support", "imap", "localhost", 143, "support", Secret.of("x"), "INBOX",
            Duration.ofSeconds(10), 100, "support@hub.test", null, null, null, 2, Duration.ofSeconds(5), SenderPolicy.defaults()), null, 7, List.of(1L, 2L, 3L));

    @Test
    void a_batch_commits_together_and_its_mails_are_done_but_one_whose_preparing_failed_goes_alone() {
        MailBatch batch = batch(mail(1, "<a@example.org>", null), mail(2, "<b@example.org>", null), mail(3, "<c@example.org>", null));
        prepare(batch, 0, 2);
        batch.failed(1, new IllegalStateException("could not be read"));
        CommittingIntake intake = new CommittingIntake(null);

        List<ReceivedMail> alone = new MailBatchCommit(intake, COUNTS).commit(poll, batch);

        assertThat(intake.committed).hasSize(2);
        assertThat(alone).extracting(ReceivedMail::uid).containsExactly(2L);
        assertThat(batch.doneUids()).containsExactly(1L, 3L);
    }

    @Test
    void a_mail_answering_another_of_its_batch_or_of_the_batch_still_committing_waits_and_goes_alone() {
        MailBatch batch = batch(mail(1, "<q@example.org>", null), mail(2, "<r@example.org>", "<q@example.org>"),
                mail(3, "<s@example.org>", "<from-the-batch-before@example.org>"));
        MailBatch withEarlier = new MailBatch(batch.mails(), java.util.Set.of("from-the-batch-before@example.org"));
        for (int i = 0; i < 3; i++) {
            InboundMail mail = reader.read(withEarlier.mails().get(i));
            withEarlier.prepared(i, new PreparedMail.NewTicket(mail, io.supporthub.ticket.TicketDraft.of(mail.toIntakeRequest()), new byte[0], null));
        }

        List<ReceivedMail> alone = new MailBatchCommit(new CommittingIntake(null), COUNTS).commit(poll, withEarlier);

        assertThat(alone).extracting(ReceivedMail::uid).containsExactly(2L, 3L);
        assertThat(withEarlier.doneUids()).containsExactly(1L);
    }

    @Test
    void a_conflict_in_the_batch_transaction_sends_every_mail_of_it_one_by_one() {
        MailBatch batch = batch(mail(1, "<a@example.org>", null), mail(2, "<b@example.org>", null));
        prepare(batch, 0, 1);
        List<ReceivedMail> alone = new MailBatchCommit(new CommittingIntake(new SQLException("deadlock detected", "40P01")), COUNTS).commit(poll, batch);

        assertThat(alone).extracting(ReceivedMail::uid).containsExactly(1L, 2L);
        assertThat(batch.doneUids()).isEmpty();
        assertThat(poll.isDatabaseDown()).isFalse();
    }

    @Test
    void an_unreachable_database_leaves_the_whole_batch_unseen_and_stops_the_poll() {
        MailBatch batch = batch(mail(1, "<a@example.org>", null), mail(2, "<b@example.org>", null));
        prepare(batch, 0, 1);
        List<ReceivedMail> alone = new MailBatchCommit(new CommittingIntake(new SQLException("Connection refused", "08001")), COUNTS).commit(poll, batch);

        assertThat(alone).isEmpty();
        assertThat(batch.doneUids()).isEmpty();
        assertThat(poll.isDatabaseDown()).isTrue();
        assertThat(new MailBatchCommit(new CommittingIntake(null), COUNTS).takeAlone(poll, batch, 0)).isFalse();
    }

    @Test
    void mails_tried_alone_are_done_until_the_database_goes_away_and_the_rest_stays_unseen() {
        MailBatch batch = batch(mail(1, "<a@example.org>", null), mail(2, "<b@example.org>", null), mail(3, "<c@example.org>", null));
        batch.oneByOne(batch.mails());
        MailBatchCommit commit = new MailBatchCommit(new CommittingIntake(null), COUNTS);

        assertThat(commit.takeAlone(poll, batch, 0)).isTrue();
        commit.aloneEnded(poll, batch, 0, null);
        assertThat(commit.takeAlone(poll, batch, 1)).isTrue();
        commit.aloneEnded(poll, batch, 1, new DatabaseException(new SQLException("Connection refused", "08001")));
        assertThat(commit.takeAlone(poll, batch, 2)).isFalse();
        commit.aloneEnded(poll, batch, 2, null);

        assertThat(batch.doneUids()).containsExactly(1L);
        assertThat(poll.isDatabaseDown()).isTrue();
    }

    private MailBatch batch(ReceivedMail... mails) {
        return poll.newBatch(List.of(mails));
    }

    private void prepare(MailBatch batch, int... indexes) {
        for (int i : indexes) {
            InboundMail mail = reader.read(batch.mails().get(i));
            batch.prepared(i, new PreparedMail.Decision(mail, "ignore_automatic", "automatic-mail", "test", null));
        }
    }

    private static ReceivedMail mail(long uid, String messageId, String inReplyTo) {
        String raw = "Message-ID: " + messageId + "\r\nFrom: ann@example.com\r\nTo: support@hub.test\r\nSubject: test\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\n") + "\r\nhello\r\n";
        return new ReceivedMail("support", "support@hub.test", 7L, uid, raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Commits nothing to a database: records what it was given, or fails as told. */
    private static final class CommittingIntake extends MailIntake {
        private final SQLException failure;
        private final List<PreparedMail> committed = new ArrayList<>();

        CommittingIntake(SQLException failure) {
            super(null, null, null, null, null, null, null, null);
            this.failure = failure;
        }

        @Override
        public List<Outcome> commitAll(List<PreparedMail> mails) {
            if (failure != null) {
                throw new DatabaseException(failure);
            }
            committed.addAll(mails);
            return mails.stream().map(m -> new Outcome(m, Effect.DECISION, "recorded", List.<Long>of())).toList();
        }
    }
}
