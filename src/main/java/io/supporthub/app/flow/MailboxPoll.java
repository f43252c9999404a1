package io.supporthub.app.flow;

import io.supporthub.connector.mailbox.ImapMailbox;
import io.supporthub.connector.mailbox.MailboxSettings;
import io.supporthub.connector.mailbox.Mailboxes;
import io.supporthub.mail.ReceivedMail;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * and the batches being committed while the next one is prepared. Lives in the poll's exchange
 * (property {@code hubMailboxPoll}).
 */
public final class MailboxPoll {

    /** How long a poll waits for an earlier batch's commit before giving up on it (its mails then stay unseen). */
    static final Duration COMMIT_WAIT = Duration.ofMinutes(5);

    private final MailboxSettings mailbox;
    private final ImapMailbox imap;
    private final long uidValidity;
    private final LinkedHashSet<Long> pending;
    private final Set<Long> attempted = new HashSet<>();
    /** Handed over to the committers and not yet done, oldest first; at most {@link Mailboxes#COMMITS_IN_FLIGHT}. */
    private final Deque<MailBatch> committing = new ArrayDeque<>();
    private MailBatch lastHandedOver;
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

    /** A new batch of fetched mails; it knows the Message-IDs of the batches still being committed, whose tickets it cannot see yet. */
    synchronized MailBatch newBatch(List<ReceivedMail> fetched) {
        batches++;
        mails += fetched.size();
        // a batch that is done has its tickets visible to threading: only the others' Message-IDs matter
        forgetDone();
        Set<String> committingIds = new HashSet<>();
        committing.forEach(batch -> committingIds.addAll(batch.messageIds()));
        return new MailBatch(this, fetched, committingIds);
    }

    /**
     * Counts the batch as committing once fewer than {@link Mailboxes#COMMITS_IN_FLIGHT} are, waiting for the oldest otherwise. The
     * batch learns which one was handed over before it: its mails that must see that batch's tickets wait for it.
     */
    void handOver(MailBatch batch) {
        while (true) {
            MailBatch oldest;
            synchronized (this) {
                forgetDone();
                if (committing.size() < Mailboxes.COMMITS_IN_FLIGHT || stopped()) {
                    batch.handedOverAfter(lastHandedOver);
                    committing.addLast(batch);
                    lastHandedOver = batch;
                    return;
                }
                oldest = committing.peekFirst();
            }
            // a batch that does not finish in time stops the poll; this one is still handed over, as its mails were read
            awaitDone(oldest);
        }
    }

    private synchronized void forgetDone() {
        committing.removeIf(b -> b.committed().isDone());
    }

    /** Waits for every batch being committed; one that does not finish in time stays unseen. */
    void awaitCommit() {
        List<MailBatch> inFlight;
        synchronized (this) {
            inFlight = new ArrayList<>(committing);
        }
        inFlight.forEach(this::awaitDone);
    }

    /** Waits for one batch of this poll to be done; one that does not finish in time stops the poll. */
    void awaitDone(MailBatch batch) {
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
