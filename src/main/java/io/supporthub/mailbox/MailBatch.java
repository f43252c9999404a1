package io.supporthub.mailbox;

import io.supporthub.mail.ReceivedMail;
import java.util.ArrayList;
import java.util.BitSet;
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
 * (exchange property {@code hubMailBatch}). It knows nothing of its poll: the poll's {@link BatchesInFlight} keeps
 * the order in which batches were handed over.
 */
public final class MailBatch {

    private final List<ReceivedMail> mails;
    private final Set<String> earlierMessageIds;
    private final Map<Integer, PreparedMail> prepared = new TreeMap<>();
    private final Map<Integer, Exception> failed = new TreeMap<>();
    private List<ReceivedMail> oneByOne = List.of();
    private final BitSet notTriedAlone = new BitSet();
    private final Set<Long> done = new LinkedHashSet<>();
    private final List<Long> notifications = new ArrayList<>();
    private final CompletableFuture<Void> committed = new CompletableFuture<>();
    private volatile MailBatch handedOverBefore;

    MailBatch(List<ReceivedMail> mails, Set<String> earlierMessageIds) {
        this.mails = List.copyOf(mails);
        this.earlierMessageIds = Set.copyOf(earlierMessageIds);
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

    public synchronized void prepared(int index, PreparedMail mail) {
        prepared.put(index, mail);
    }

    public synchronized void failed(int index, Exception error) {
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

    /** The one-by-one mail at this place was not tried (the database had gone away): it stays unseen. */
    synchronized void notTriedAlone(int index) {
        notTriedAlone.set(index);
    }

    synchronized boolean wasTriedAlone(int index) {
        return !notTriedAlone.get(index);
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

    /** The committer is done with the batch, however it went: the poll may hand over its next one. */
    public void committerDone() {
        committed.complete(null);
    }

    /** The batch of the same poll handed over to the committers just before this one (null for the first). */
    void handedOverAfter(MailBatch previous) {
        handedOverBefore = previous;
    }

    MailBatch handedOverBefore() {
        return handedOverBefore;
    }
}
