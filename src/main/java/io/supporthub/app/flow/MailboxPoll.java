package io.supporthub.app.flow;

import io.supporthub.connector.mailbox.ImapMailbox;
import io.supporthub.connector.mailbox.MailboxSettings;
import io.supporthub.mail.ReceivedMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One poll of one mailbox, from login to logout: the open connection, the unseen UIDs still to take,
 * and the batch being committed while the next one is prepared. Lives in the poll's exchange
 * (property {@code hubMailboxPoll}).
 */
public final class MailboxPoll {

    /** How long a poll waits for its previous batch's commit before giving up on it (its mails then stay unseen). */
    static final Duration COMMIT_WAIT = Duration.ofMinutes(5);

    private final MailboxSettings mailbox;
    private final ImapMailbox imap;
    private final long uidValidity;
    private final LinkedHashSet<Long> pending;
    private final Set<Long> attempted = new HashSet<>();
    private MailBatch committing;
    private CompletableFuture<List<ReceivedMail>> prefetched;
    private int batches;
    private int mails;
    private String stopReason;
    private boolean mailboxFailed;
    private boolean databaseDown;

    MailboxPoll(MailboxSettings mailbox, ImapMailbox imap, long uidValidity, List<Long> unseen) {
        this.mailbox = mailbox;
        this.imap = imap;
        this.uidValidity = uidValidity;
        this.pending = new LinkedHashSet<>(unseen);
    }

    MailboxSettings mailbox() {
        return mailbox;
    }

    ImapMailbox imap() {
        return imap;
    }

    long uidValidity() {
        return uidValidity;
    }

    /** The next UIDs to take, at most {@code max}, still pending. */
    synchronized List<Long> next(int max) {
        return pending.stream().limit(max).toList();
    }

    /** These UIDs are being fetched: they count as attempted in this poll from now on. */
    synchronized void taken(List<Long> uids) {
        uids.forEach(pending::remove);
        attempted.addAll(uids);
    }

    /** UIDs that are still unseen after the batches so far and were not tried in this poll: mail that arrived meanwhile. */
    synchronized int addArrived(List<Long> unseen) {
        int before = pending.size();
        unseen.stream().filter(uid -> !attempted.contains(uid)).forEach(pending::add);
        return pending.size() - before;
    }

    synchronized List<Long> notAttempted(List<Long> uids) {
        return uids.stream().filter(uid -> !attempted.contains(uid)).toList();
    }

    synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The next batch's mails being fetched while the current batch is prepared; at most one at a time. */
    synchronized void prefetching(CompletableFuture<List<ReceivedMail>> fetch) {
        if (prefetched != null) {
            throw new IllegalStateException("a batch is being fetched already");
        }
        prefetched = fetch;
    }

    synchronized boolean hasPrefetched() {
        return prefetched != null;
    }

    /** The mails fetched ahead, waiting for the fetch to end (its failure is rethrown); null when none was started. */
    List<ReceivedMail> takePrefetched() throws ExecutionException, InterruptedException {
        CompletableFuture<List<ReceivedMail>> fetch;
        synchronized (this) {
            fetch = prefetched;
            prefetched = null;
        }
        return fetch == null ? null : fetch.get();
    }

    /** Before logging out: a fetch ahead that nobody will take must not find its connection closed under it. Its mails stay unseen. */
    void abandonPrefetched() {
        try {
            takePrefetched();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the poll is ending anyway; what was not fetched stays unseen for the next one
        }
    }

    /** A new batch of fetched mails; it knows the Message-IDs of the batch still being committed, whose tickets it cannot see yet. */
    synchronized MailBatch newBatch(List<ReceivedMail> fetched) {
        batches++;
        mails += fetched.size();
        return new MailBatch(this, fetched, committing == null ? Set.of() : committing.messageIds());
    }

    /** Waits for the batch before to finish committing, then counts this one as committing. */
    void handOver(MailBatch batch) {
        awaitCommit();
        synchronized (this) {
            committing = batch;
        }
    }

    /** Waits for the batch being committed, if any; one that does not finish in time stays unseen. */
    void awaitCommit() {
        MailBatch batch;
        synchronized (this) {
            batch = committing;
        }
        if (batch == null) {
            return;
        }
        try {
            batch.committed().get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop("interrupted while a batch was committing");
        } catch (ExecutionException | TimeoutException e) {
            stop("a batch did not finish committing: " + MailIntakeStep.describe(e));
        }
    }

    /** Ends the poll after this batch: the mailbox or the database stopped answering, or the hub is stopping. */
    synchronized void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** The mailbox itself stopped answering (not the database): liveness has recorded the failure. */
    synchronized void mailboxFailed(String reason) {
        stop(reason);
        mailboxFailed = true;
    }

    synchronized boolean isMailboxFailed() {
        return mailboxFailed;
    }

    /** The database stopped answering: no more commits in this poll; what is left stays unseen for the next one. */
    synchronized void databaseDown(String reason) {
        stop(reason);
        databaseDown = true;
    }

    synchronized boolean isDatabaseDown() {
        return databaseDown;
    }

    synchronized boolean stopped() {
        return stopReason != null;
    }

    synchronized String stopReason() {
        return stopReason;
    }

    synchronized int batches() {
        return batches;
    }

    synchronized int mails() {
        return mails;
    }

    synchronized List<Long> attemptedUids() {
        return new ArrayList<>(attempted);
    }
}
