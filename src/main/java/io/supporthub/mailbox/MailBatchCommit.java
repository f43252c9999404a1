package io.supporthub.mailbox;

import io.supporthub.db.DatabaseException;
import io.supporthub.mail.ReceivedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a prepared mailbox batch in one transaction. What cannot go with it is committed one by one
 * afterwards, through the single-mail path and its error policy: a mail whose preparing failed (an
 * unreadable one ends in quarantine there), a mail answering another mail of the same batch, and every
 * mail of a batch whose transaction failed — so one bad mail or conflict never loses or blocks the others.
 */
public class MailBatchCommit {

    private static final Logger LOG = LoggerFactory.getLogger(MailBatchCommit.class);

    private final MailIntake intake;
    private final MailIntakeCounts counts;

    public MailBatchCommit(MailIntake intake, MailIntakeCounts counts) {
        this.intake = intake;
        this.counts = counts;
    }

    /** Commits what can go together; returns the mails to commit one by one, in UID order. */
    public List<ReceivedMail> commit(MailboxPoll poll, MailBatch mailBatch) {
        List<ReceivedMail> batch = mailBatch.mails();
        Map<Integer, PreparedMail> prepared = mailBatch.preparedMails();
        if (poll.isDatabaseDown()) {
            // the batch before met a database outage: this one waits for the next poll too
            mailBatch.oneByOne(List.of());
            return List.of();
        }
        if (mailBatch.failedMails().values().stream().anyMatch(DatabaseException::isUnavailable)) {
            return unavailable(poll, mailBatch, mailBatch.failedMails().values().stream().filter(DatabaseException::isUnavailable).findFirst().orElseThrow());
        }
        Set<Integer> oneByOne = new TreeSet<>(mailBatch.failedMails().keySet());
        List<Integer> together = new ArrayList<>();
        List<PreparedMail> commit = new ArrayList<>();
        partition(mailBatch, prepared, together, commit, oneByOne);
        long started = System.nanoTime();
        try {
            List<MailIntake.Outcome> outcomes = commit.isEmpty() ? List.of() : intake.commitAll(commit);
            Map<String, Integer> byEffect = committed(poll, mailBatch, together, outcomes);
            LOG.info("Mailbox {}: {} of {} mails committed together in {} ms {}{}", poll.mailbox().name(), commit.size(), batch.size(),
                    (System.nanoTime() - started) / 1_000_000, byEffect, oneByOne.isEmpty() ? "" : "; " + oneByOne.size() + " go one by one");
        } catch (RuntimeException e) {
            if (DatabaseException.isUnavailable(e)) {
                return unavailable(poll, mailBatch, e);
            }
            LOG.warn("Mailbox {}: {} mails could not be committed together ({}); committing them one by one", poll.mailbox().name(),
                    commit.size(), MailPreparation.describe(e));
            oneByOne.addAll(together);
        }
        List<ReceivedMail> single = oneByOne.stream().map(batch::get).toList();
        if (!single.isEmpty()) {
            // they may answer mail of the batch committed beside this one: its tickets must be there to be found
            poll.awaitEarlierBatches(mailBatch);
        }
        mailBatch.oneByOne(single);
        return single;
    }

    /** Sorts the prepared mails into those that commit together and those that answer mail whose ticket they cannot see yet. */
    private static void partition(MailBatch mailBatch, Map<Integer, PreparedMail> prepared, List<Integer> together, List<PreparedMail> commit,
                                  Set<Integer> oneByOne) {
        List<Integer> indexes = new ArrayList<>(prepared.keySet());
        List<PreparedMail> mails = indexes.stream().map(prepared::get).toList();
        Set<Integer> answering = MailIntake.answeringTheirBatch(mails, mailBatch.earlierMessageIds());
        for (int i = 0; i < mails.size(); i++) {
            if (answering.contains(i)) {
                oneByOne.add(indexes.get(i));
            } else {
                together.add(indexes.get(i));
                commit.add(mails.get(i));
            }
        }
    }

    /** Each committed mail is done and counted; returns how many had each effect, for the log. */
    private Map<String, Integer> committed(MailboxPoll poll, MailBatch mailBatch, List<Integer> together, List<MailIntake.Outcome> outcomes) {
        Map<String, Integer> byEffect = new TreeMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ReceivedMail mail = mailBatch.mails().get(together.get(i));
            mailBatch.done(mail);
            mailBatch.queued(outcomes.get(i).notificationIds());
            counts.count(poll.mailbox().name(), outcomes.get(i).effect());
            byEffect.merge(outcomes.get(i).effect().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1, Integer::sum);
            LOG.debug("Mailbox {}: {}: {}", poll.mailbox().name(), mail, outcomes.get(i).description());
        }
        return byEffect;
    }

    private static List<ReceivedMail> unavailable(MailboxPoll poll, MailBatch batch, Exception error) {
        poll.databaseDown("the database is unavailable (" + MailPreparation.describe(error) + ")");
        LOG.warn("Mailbox {}: the database is unavailable ({}); the batch's {} mails stay unseen for the next poll",
                poll.mailbox().name(), MailPreparation.describe(error), batch.mails().size());
        batch.oneByOne(List.of());
        return List.of();
    }

    /**
     * Whether the one-by-one mail at this place is tried now: each is, unless the database has gone away meanwhile (then it
     * stays unseen, and so does the rest of the batch).
     */
    public boolean takeAlone(MailboxPoll poll, MailBatch batch, int index) {
        if (poll.isDatabaseDown()) {
            batch.notTriedAlone(index);
            return false;
        }
        return true;
    }

    /**
     * How a mail committed one by one ended: done (its effect committed, or it was quarantined), or left unseen for the next
     * poll when its error outlasted the single-mail retries. After a database outage the poll stops, so the rest of the batch
     * waits too instead of retrying mail after mail.
     */
    public void aloneEnded(MailboxPoll poll, MailBatch batch, int index, Exception error) {
        ReceivedMail mail = batch.oneByOne().get(index);
        if (error != null) {
            LOG.warn("Mailbox {}: {} stays unseen for the next poll: {}", poll.mailbox().name(), mail, MailPreparation.describe(error));
            if (DatabaseException.isUnavailable(error)) {
                poll.databaseDown("the database is unavailable (" + MailPreparation.describe(error) + ")");
            }
        } else if (batch.wasTriedAlone(index)) {
            batch.done(mail);
        }
    }
}
