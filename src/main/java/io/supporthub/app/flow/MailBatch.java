package io.supporthub.app.flow;

import io.supporthub.intake.PreparedMail;
import io.supporthub.mail.ReceivedMail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One batch of a mailbox poll: the mails fetched together, what preparing each gave, which are done
 * (to be flagged seen with one STORE) and the notifications their commits queued. Prepared on the
 * poll's threads while the batch before is committed, then committed on the committer's thread
 * (exchange property {@code hubMailBatch}).
 */
public final class MailBatch {

    private final MailboxPoll poll;
    private final List<ReceivedMail> mails;
    private final Set<String> earlierMessageIds;
    private final Map<Integer, PreparedMail> prepared = new TreeMap<>();
    private final Map<Integer, Exception> failed = new TreeMap<>();
    private List<ReceivedMail> oneByOne = List.of();
    private final Set<Long> done = new LinkedHashSet<>();
    private final List<Long> notifications = new ArrayList<>();
    private final CompletableFuture<Void> committed = new CompletableFuture<>();
    private volatile MailBatch handedOverBefore;

    MailBatch(MailboxPoll poll, List<ReceivedMail> mails, Set<String> earlierMessageIds) {
        this.poll = poll;
        this.mails = List.copyOf(mails);
        this.earlierMessageIds = Set.copyOf(earlierMessageIds);
    }

    MailboxPoll poll() {
        return poll;
    }

    public List<ReceivedMail> mails() {
        return mails;
    }

    /** Message-IDs of the batches committed while this one was prepared: a mail answering one of them waits for them. */
    Set<String> earlierMessageIds() {
        return earlierMessageIds;
    }

    synchronized Set<String> messageIds() {
        Set<String> ids = new HashSet<>();
        prepared.values().forEach(p -> {
            if (p.mail().parsed().messageId() != null) {
                ids.add(p.mail().parsed().messageId());
            }
        });
        return ids;
    }

    synchronized void prepared(int index, PreparedMail mail) {
        prepared.put(index, mail);
    }

    synchronized void failed(int index, Exception error) {
        failed.put(index, error);
    }

    /** What preparing gave, by the mail's place in the batch (UID order). */
    synchronized Map<Integer, PreparedMail> preparedMails() {
        return new TreeMap<>(prepared);
    }

    synchronized Map<Integer, Exception> failedMails() {
        return new TreeMap<>(failed);
    }

    synchronized void oneByOne(List<ReceivedMail> single) {
        oneByOne = List.copyOf(single);
    }

    synchronized List<ReceivedMail> oneByOne() {
        return oneByOne;
    }

    /** The mail's effect has committed (or it was quarantined, or recorded before): it is flagged seen at the end of the batch. */
    synchronized void done(ReceivedMail mail) {
        done.add(mail.uid());
    }

    synchronized Set<Long> doneUids() {
        return new LinkedHashSet<>(done);
    }

    synchronized void queued(List<Long> notificationIds) {
        notifications.addAll(notificationIds);
    }

    synchronized List<Long> notifications() {
        return new ArrayList<>(notifications);
    }

    CompletableFuture<Void> committed() {
        return committed;
    }

    /** The batch of the same poll handed over to the committers just before this one (null for the first). */
    void handedOverAfter(MailBatch previous) {
        handedOverBefore = previous;
    }

    /**
     * Waits until the batch handed over before this one is done, and with it every earlier one (each waited for its own
     * predecessor before its mails went one by one). Batches commit side by side; a mail that goes one by one may answer
     * a mail of an earlier batch and must find its ticket. Safe on a committer's thread: the committers take batches in
     * the order they were handed over, so the earlier batch is being committed already or is done.
     */
    void awaitEarlierBatches() {
        MailBatch previous = handedOverBefore;
        if (previous != null) {
            poll.awaitDone(previous);
        }
    }
}
