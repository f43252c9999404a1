package io.supporthub.mailbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The batches of one poll handed over to the committers and not yet done, oldest first: at most
 * {@link Mailboxes#COMMITS_IN_FLIGHT}, each knowing the batch handed over before it. The poll's thread waits here for a
 * place; a committer's thread waits here for the batch before its own.
 */
final class BatchesInFlight {

    /** How long a poll waits for an earlier batch's commit before giving up on it (its mails then stay unseen). */
    static final Duration COMMIT_WAIT = Duration.ofMinutes(5);

    private final PollStop stop;
    private final Deque<MailBatch> committing = new ArrayDeque<>();
    private MailBatch lastHandedOver;

    BatchesInFlight(PollStop stop) {
        this.stop = stop;
    }

    /** Message-IDs of the batches still committing: a batch that is done has its tickets visible to threading already. */
    synchronized Set<String> messageIds() {
        forgetDone();
        Set<String> ids = new HashSet<>();
        committing.forEach(batch -> ids.addAll(batch.messageIds()));
        return ids;
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
                if (committing.size() < Mailboxes.COMMITS_IN_FLIGHT || stop.stopped()) {
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
    void awaitAll() {
        List<MailBatch> inFlight;
        synchronized (this) {
            inFlight = new ArrayList<>(committing);
        }
        inFlight.forEach(this::awaitDone);
    }

    /**
     * Waits until the batch handed over before this one is done, and with it every earlier one (each waited for its own
     * predecessor before its mails went one by one). Batches commit side by side; a mail that goes one by one may answer
     * a mail of an earlier batch and must find its ticket. Safe on a committer's thread: the committers take batches in
     * the order they were handed over, so the earlier batch is being committed already or is done.
     */
    void awaitEarlier(MailBatch batch) {
        MailBatch previous = batch.handedOverBefore();
        if (previous != null) {
            awaitDone(previous);
        }
    }

    /** Waits for one batch of this poll to be done; one that does not finish in time stops the poll. */
    void awaitDone(MailBatch batch) {
        try {
            batch.committed().get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop("interrupted while a batch was committing");
        } catch (ExecutionException | TimeoutException e) {
            stop.stop("a batch did not finish committing: " + MailPreparation.describe(e));
        }
    }
}
