package io.supporthub.mailbox;

import io.supporthub.mail.ReceivedMail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One poll of one mailbox, from login to logout: the open connection, the unseen UIDs still to take,
 * and the batches being committed while the next one is prepared ({@link BatchesInFlight}). Lives in the
 * poll's exchange (property {@code hubMailboxPoll}).
 */
public final class MailboxPoll {

    private final MailboxSettings mailbox;
    private final ImapMailbox imap;
    private final long uidValidity;
    private final LinkedHashSet<Long> pending;
    private final Set<Long> attempted = new HashSet<>();
    private final PollStop stop = new PollStop();
    /** Handed over to the committers and not yet done: the poll hands batches over, never holds them back itself. */
    private final BatchesInFlight inFlight = new BatchesInFlight(stop);
    private CompletableFuture<List<ReceivedMail>> prefetched;
    private int batches;
    private int mails;

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
    MailBatch newBatch(List<ReceivedMail> fetched) {
        synchronized (this) {
            batches++;
            mails += fetched.size();
        }
        return new MailBatch(fetched, inFlight.messageIds());
    }

    /** Hands the prepared batch to the committers once fewer than {@link Mailboxes#COMMITS_IN_FLIGHT} of this poll's are committing. */
    void handOver(MailBatch batch) {
        inFlight.handOver(batch);
    }

    /** Waits for every batch being committed; one that does not finish in time stays unseen. */
    void awaitCommit() {
        inFlight.awaitAll();
    }

    /** Mails of this batch that go one by one may answer mail of the batch handed over before it: they wait for it. */
    void awaitEarlierBatches(MailBatch batch) {
        inFlight.awaitEarlier(batch);
    }

    /** Ends the poll after this batch: the mailbox or the database stopped answering, or the hub is stopping. */
    void stop(String reason) {
        stop.stop(reason);
    }

    /** The mailbox itself stopped answering (not the database): liveness has recorded the failure. */
    void mailboxFailed(String reason) {
        stop.mailboxFailed(reason);
    }

    boolean isMailboxFailed() {
        return stop.isMailboxFailed();
    }

    /** The database stopped answering: no more commits in this poll; what is left stays unseen for the next one. */
    void databaseDown(String reason) {
        stop.databaseDown(reason);
    }

    boolean isDatabaseDown() {
        return stop.isDatabaseDown();
    }

    boolean stopped() {
        return stop.stopped();
    }

    String stopReason() {
        return stop.reason();
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
