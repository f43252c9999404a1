package io.supporthub.app.flow;

import io.supporthub.connector.mailbox.ImapMailbox;
import io.supporthub.connector.mailbox.MailboxSettings;
import io.supporthub.intake.PreparedMail;
import io.supporthub.mail.ReceivedMail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One poll of one mailbox, from login to logout: the open connection, the unseen UIDs still to take,
 * and the current batch — its mails, what preparing each gave, which are done (to be flagged seen)
 * and the notifications their commits queued. Lives in the poll's exchange (property {@code hubMailboxPoll}).
 */
public final class MailboxPoll {

    private final MailboxSettings mailbox;
    private final ImapMailbox imap;
    private final long uidValidity;
    private final LinkedHashSet<Long> pending;
    private final Set<Long> attempted = new HashSet<>();
    private List<ReceivedMail> batch = List.of();
    private final Map<Integer, PreparedMail> prepared = new TreeMap<>();
    private final Map<Integer, Exception> failed = new TreeMap<>();
    private List<ReceivedMail> oneByOne = List.of();
    private final Set<Long> done = new LinkedHashSet<>();
    private final List<Long> notifications = new ArrayList<>();
    private int batches;
    private int mails;
    private String stopReason;
    private boolean mailboxFailed;

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

    synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    synchronized void startBatch(List<ReceivedMail> mails) {
        batch = List.copyOf(mails);
        prepared.clear();
        failed.clear();
        oneByOne = List.of();
        done.clear();
        notifications.clear();
        batches++;
        this.mails += mails.size();
    }

    synchronized List<ReceivedMail> batch() {
        return batch;
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

    synchronized void oneByOne(List<ReceivedMail> mails) {
        oneByOne = List.copyOf(mails);
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
}
