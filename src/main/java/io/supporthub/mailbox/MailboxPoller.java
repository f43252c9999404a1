package io.supporthub.mailbox;

import io.supporthub.mail.MailLedger;
import io.supporthub.mail.ReceivedMail;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox routes' IMAP side: a poll logs in, takes the unseen UIDs, fetches them in batches (one
 * FETCH each, bytes untouched and nothing flagged by reading), and flags each batch's done mails seen
 * with one STORE once their effects have committed. A mailbox that fails — wrong password, server
 * down or hung — fails its own poll only, is logged once per outage and reported through liveness.
 */
public class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    /** A batch holds at most this many bytes of mail (and at least one mail, however big). */
    static final long BATCH_BYTES = 64L * 1024 * 1024;

    private final Map<String, MailboxAccess> mailboxes;
    private final MailLedger ledger;
    private final MailboxPolls polls;
    private final MailboxWatch watch;
    private final Map<String, String> outages = new ConcurrentHashMap<>();
    /** Fetches the next batch of a poll while its current batch is prepared: one thread per poll at work, idle ones end. */
    private final ExecutorService fetchAhead = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mailbox-fetch-ahead");
        thread.setDaemon(true);
        return thread;
    });

    public MailboxPoller(Map<String, MailboxAccess> mailboxes, MailLedger ledger, MailboxPolls polls, MailboxWatch watch) {
        this.mailboxes = Map.copyOf(mailboxes);
        this.ledger = ledger;
        this.polls = polls;
        this.watch = watch;
    }

    /** Logs in and finds the unseen mail; null when the mailbox cannot be polled now (recorded for liveness, logged once per outage). */
    public MailboxPoll open(String name) {
        MailboxAccess access = mailboxes.get(name);
        MailboxLiveness liveness = watch.liveness(name);
        ImapMailbox imap = null;
        try {
            liveness.startWatching();
            imap = ImapMailbox.open(access.settings(), access.javaMailProperties(), access.login()::getPasswordAuthentication);
            long uidValidity = imap.uidValidity();
            noticeUidValidity(access.settings(), uidValidity);
            List<Long> unseen = notHandledBefore(imap, access.settings(), uidValidity, imap.unseenUids());
            // logged in and searched: a successful poll, and from now on one in progress (a server slow to refuse a
            // login, or one that hangs before answering, never counts as a poll at work)
            liveness.pollStarting();
            liveness.stillPolling();
            recovered(access.settings());
            return new MailboxPoll(access.settings(), imap, uidValidity, unseen);
        } catch (MessagingException | RuntimeException e) {
            if (imap != null) {
                imap.close();
            }
            failed(access.settings(), liveness, e);
            return null;
        }
    }

    /** More mail to take in this poll: the UIDs found at login, then whatever arrived while they were worked off. */
    public boolean hasMore(MailboxPoll poll, boolean hubStopping) {
        if (poll == null || poll.stopped()) {
            return false;
        }
        if (hubStopping) {
            poll.stop("the hub is stopping");
            return false;
        }
        if (poll.hasPending() || poll.hasPrefetched()) {
            return true;
        }
        if (poll.batches() == 0) {
            return false;
        }
        try {
            // the batch still committing is unseen too, but it was taken: only what arrived meanwhile counts
            List<Long> arrived = poll.notAttempted(poll.imap().unseenUids());
            return poll.addArrived(notHandledBefore(poll.imap(), poll.mailbox(), poll.uidValidity(), arrived)) > 0;
        } catch (MessagingException | RuntimeException e) {
            failed(poll, e);
            return false;
        }
    }

    /**
     * The next batch: as many pending mails as fit in one batch by count and bytes, fetched with one command — usually
     * fetched already, while the batch before was being prepared. The following batch's fetch starts before this one is
     * returned, so the mailbox's round trips overlap the preparing instead of adding to it. Fetching reads with PEEK, so a
     * fetch ahead that a crash or a stop leaves untaken has changed nothing on the server.
     */
    public MailBatch nextBatch(MailboxPoll poll) {
        MailboxSettings mailbox = poll.mailbox();
        try {
            List<ReceivedMail> fetched = poll.takePrefetched();
            if (fetched == null) {
                fetched = fetch(poll);
            }
            watch.liveness(mailbox.name()).stillPolling();
            if (!poll.stopped() && poll.hasPending()) {
                poll.prefetching(CompletableFuture.supplyAsync(() -> {
                    try {
                        return fetch(poll);
                    } catch (MessagingException e) {
                        throw new CompletionException(e);
                    }
                }, fetchAhead));
            }
            // made now, not when fetched: the batch must know the Message-IDs of the batch committing before it
            return poll.newBatch(fetched);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            poll.stop("interrupted while a batch was fetched");
            return poll.newBatch(List.of());
        } catch (ExecutionException e) {
            // get() has unwrapped the CompletionException: the cause is the fetch's own exception
            failed(poll, e.getCause() instanceof Exception cause ? cause : e);
            return poll.newBatch(List.of());
        } catch (MessagingException | RuntimeException e) {
            failed(poll, e);
            return poll.newBatch(List.of());
        }
    }

    /** Takes the next pending UIDs that fit in a batch and fetches their bytes; a mail expunged since the search is missing. */
    private List<ReceivedMail> fetch(MailboxPoll poll) throws MessagingException {
        MailboxSettings mailbox = poll.mailbox();
        List<Long> candidates = poll.next(mailbox.maxMessagesPerPoll());
        Map<Long, Long> sizes = poll.imap().sizes(candidates);
        List<Long> chosen = new ArrayList<>();
        long bytes = 0;
        for (Long uid : candidates) {
            long size = sizes.getOrDefault(uid, 0L);
            if (!chosen.isEmpty() && bytes + size > BATCH_BYTES) {
                break;
            }
            chosen.add(uid);
            bytes += size;
        }
        poll.taken(chosen);
        List<ReceivedMail> batch = new ArrayList<>();
        for (ImapMailbox.FetchedMessage message : poll.imap().fetch(chosen)) {
            batch.add(new ReceivedMail(mailbox.name(), mailbox.address(), poll.uidValidity(), message.uid(), message.raw()));
        }
        if (batch.size() < chosen.size()) {
            // expunged by someone else since the search: nothing to take, nothing lost
            LOG.debug("Mailbox {}: {} of {} mails were expunged before they could be fetched", mailbox.name(), chosen.size() - batch.size(), chosen.size());
        }
        return batch;
    }

    /**
     * Waits until fewer than two batches of the poll are committing, then the prepared batch goes to the committers: so
     * the next batch is fetched and prepared while this one commits beside the one before. A mail that must see an earlier
     * batch's tickets (it answers one of its mails) is committed after that batch, one by one.
     */
    public void handOver(MailboxPoll poll, MailBatch batch) {
        poll.handOver(batch);
    }

    /** Flags the batch's done mails seen with one STORE; returns the notifications their commits queued, to send now. */
    public List<Long> flagSeen(MailboxPoll poll, MailBatch batch) {
        Set<Long> done = batch.doneUids();
        try {
            poll.imap().markSeen(done);
        } catch (MessagingException | RuntimeException e) {
            // committed and recognised by UID on the next poll, which flags them without processing them again
            failed(poll, e);
        }
        return batch.notifications();
    }

    /** At the end of a poll, however it went: the last batches commit before the connection closes. */
    public void close(MailboxPoll poll) {
        if (poll == null) {
            return;
        }
        poll.abandonPrefetched();
        poll.awaitCommit();
        poll.imap().close();
        if (!poll.isMailboxFailed()) {
            try {
                watch.liveness(poll.mailbox().name()).pollSucceeded();
            } catch (RuntimeException e) {
                LOG.warn("Mailbox {}: the poll's end could not be recorded: {}", poll.mailbox().name(), e.getMessage());
            }
        }
        if (poll.mails() > 0 || poll.stopped()) {
            LOG.info("Mailbox {}: poll done, {} mails in {} batches{}", poll.mailbox().name(), poll.mails(), poll.batches(),
                    poll.stopped() ? "; ended early: " + poll.stopReason() : "");
        }
    }

    /** UIDs committed (or quarantined) before but not flagged: a crash between commit and STORE. Flagged now, not processed again. */
    private List<Long> notHandledBefore(ImapMailbox imap, MailboxSettings mailbox, long uidValidity, List<Long> unseen) throws MessagingException {
        Set<Long> handled = ledger.handledUids(mailbox.name(), uidValidity, unseen);
        if (handled.isEmpty()) {
            return unseen;
        }
        imap.markSeen(handled);
        LOG.info("Mailbox {}: flagged {} mails seen whose effects had committed before they could be flagged", mailbox.name(), handled.size());
        return unseen.stream().filter(uid -> !handled.contains(uid)).toList();
    }

    /** A new UIDVALIDITY renumbers every message; Message-IDs (or raw-bytes hashes) still recognise what was recorded. */
    private void noticeUidValidity(MailboxSettings mailbox, long uidValidity) {
        Long previous = polls.lastUidValidity(mailbox.name());
        if (previous == null || previous != uidValidity) {
            if (previous != null) {
                LOG.warn("Mailbox {}: UIDVALIDITY changed from {} to {}, so the server renumbered its messages; mail recorded before is "
                        + "recognised by its Message-ID and creates nothing again", mailbox.name(), previous, uidValidity);
            }
            polls.rememberUidValidity(mailbox.name(), uidValidity);
        }
    }

    private void failed(MailboxPoll poll, Exception error) {
        poll.mailboxFailed(MailPreparation.describe(error));
        failed(poll.mailbox(), watch.liveness(poll.mailbox().name()), error);
    }

    /** One WARN per outage (and when the error changes), not one per poll: a wrong password must not flood the log. */
    private void failed(MailboxSettings mailbox, MailboxLiveness liveness, Exception error) {
        String description = MailPreparation.describe(error);
        String previous = outages.put(mailbox.name(), description);
        if (!description.equals(previous)) {
            LOG.warn("Mailbox {} ({}) cannot be polled: {}; retrying every {}, logged again when the error changes or it recovers",
                    mailbox.name(), mailbox.location(), description, mailbox.pollInterval());
        } else {
            LOG.debug("Mailbox {} still cannot be polled: {}", mailbox.name(), description);
        }
        try {
            liveness.pollFailed(error);
        } catch (RuntimeException unrecorded) {
            LOG.debug("Mailbox {}: the failed poll could not be recorded: {}", mailbox.name(), unrecorded.getMessage());
        }
    }

    private void recovered(MailboxSettings mailbox) {
        String outage = outages.remove(mailbox.name());
        if (outage != null) {
            LOG.info("Mailbox {} is polled again (it failed with: {})", mailbox.name(), outage);
        }
    }
}
