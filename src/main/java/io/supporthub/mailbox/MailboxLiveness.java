package io.supporthub.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches that a mailbox keeps being polled. A poller that silently stops is the failure users of
 * other integration tools report most: here, three poll intervals without a successful poll mark
 * the mailbox down, and exactly one alert is due per outage, queued in the notification outbox. The polls'
 * outcome lives in a {@link PollLog}, shared by every hub instance (only one of them polls a mailbox at a time).
 */
public class MailboxLiveness {

    /** How many poll intervals may pass without a successful poll before the mailbox counts as down. */
    public static final int MISSED_POLLS = 3;

    /** Whatever the interval, this long at least: the scheduler takes a moment to fire the next poll after one ends. */
    static final Duration SHORTEST_OUTAGE = Duration.ofSeconds(5);

    /** A poll still working through a large batch is alive, but not forever: a hung poll is an outage. */
    static final Duration LONGEST_POLL = Duration.ofMinutes(10);

    /** The mailbox's state as health reports it. */
    public record Status(boolean up, Instant lastSuccess, String lastError) {
    }

    /** What the polls of one mailbox left behind, wherever they ran. */
    public record PollState(Instant lastSuccess, Instant pollInProgressSince, String lastError) {
    }

    /** Where the outcome of a mailbox's polls is kept. */
    public interface PollLog {
        void started(Instant at);

        /** A successful poll, or a batch of one; {@code finished} ends the poll in progress. */
        void succeeded(Instant at, boolean finished);

        void failed(Instant at, String error);

        PollState state();

        /**
         * Takes the outage's one alert for the first caller since the last successful poll and queues it, both or neither;
         * returns the queued alert's id, or nothing when the outage's alert was taken before.
         */
        Optional<Long> claimAlert(Instant at, String text);
    }

    /** The outage's one alert, queued in the notification outbox. */
    public record OutageAlert(String text, long notificationId) {
    }

    private final String mailbox;
    private final Duration pollInterval;
    private final Clock clock;
    private final PollLog log;
    private Instant watchingSince;

    /** Liveness kept in this instance's memory. */
    public MailboxLiveness(String mailbox, Duration pollInterval, Clock clock) {
        this(mailbox, pollInterval, clock, new InMemoryPollLog());
    }

    public MailboxLiveness(String mailbox, Duration pollInterval, Clock clock, PollLog log) {
        this.mailbox = mailbox;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.log = log;
    }

    /** The poller is about to poll; the first call starts the clock, so a slow hub start is no outage. */
    public void pollStarting() {
        startWatching();
        log.started(clock.instant());
    }

    /**
     * This instance starts judging the mailbox: at its own first poll, or when it first sees another instance's polls.
     * Until then the mailbox counts as up, and for three intervals after whatever the log says, so neither a slow
     * start nor a restart after downtime alerts.
     */
    public synchronized void startWatching() {
        if (watchingSince == null) {
            watchingSince = clock.instant();
        }
    }

    public void pollSucceeded() {
        log.succeeded(clock.instant(), true);
    }

    /** A batch of a long poll committed: the poll is alive and goes on. */
    public void stillPolling() {
        log.succeeded(clock.instant(), false);
    }

    public void pollFailed(Exception error) {
        log.failed(clock.instant(), error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    public Status status() {
        return status(log.state());
    }

    private synchronized Status status(PollState state) {
        if (state.lastSuccess() != null || state.pollInProgressSince() != null || state.lastError() != null) {
            startWatching();  // some instance polls this mailbox (maybe another one): from now on this one judges too
        }
        Instant now = clock.instant();
        Instant since = latest(state.lastSuccess(), watchingSince);
        boolean busy = state.pollInProgressSince() != null && Duration.between(state.pollInProgressSince(), now).compareTo(LONGEST_POLL) <= 0;
        Duration allowed = pollInterval.multipliedBy(MISSED_POLLS);
        allowed = allowed.compareTo(SHORTEST_OUTAGE) < 0 ? SHORTEST_OUTAGE : allowed;
        boolean up = since == null || busy || Duration.between(since, now).compareTo(allowed) <= 0;
        return new Status(up, state.lastSuccess(), state.lastError());
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The outage's alert, queued now, when the mailbox is down and nobody has been told yet in this outage. */
    public Optional<OutageAlert> alertDue() {
        Status status = status();
        if (status.up()) {
            return Optional.empty();
        }
        String since = status.lastSuccess() == null ? " has not been polled successfully since this hub started watching it"
                : " has not been polled successfully since " + status.lastSuccess();
        String text = "Mailbox " + mailbox + since
                + " (" + MISSED_POLLS + " intervals of " + seconds(pollInterval) + " s)"
                + (status.lastError() == null ? "" : "; last error: " + status.lastError());
        return log.claimAlert(clock.instant(), text).map(id -> new OutageAlert(text, id));
    }

    private static String seconds(Duration interval) {
        return interval.toMillis() % 1000 == 0 ? Long.toString(interval.toSeconds()) : String.valueOf(interval.toMillis() / 1000.0);
    }

    public String mailbox() {
        return mailbox;
    }

    /** One instance's memory: enough for a single hub, and for the tests of the rules above. */
    static final class InMemoryPollLog implements PollLog {
        private Instant lastSuccess;
        private Instant inProgressSince;
        private String lastError;
        private boolean alerted;
        private long alerts;

        @Override
        public synchronized void started(Instant at) {
            inProgressSince = at;
        }

        @Override
        public synchronized void succeeded(Instant at, boolean finished) {
            lastSuccess = at;
            lastError = null;
            alerted = false;
            if (finished) {
                inProgressSince = null;
            }
        }

        @Override
        public synchronized void failed(Instant at, String error) {
            inProgressSince = null;
            lastError = error;
        }

        @Override
        public synchronized PollState state() {
            return new PollState(lastSuccess, inProgressSince, lastError);
        }

        /** Nothing to queue in memory: the alerts are numbered instead. */
        @Override
        public synchronized Optional<Long> claimAlert(Instant at, String text) {
            if (alerted) {
                return Optional.empty();
            }
            alerted = true;
            return Optional.of(++alerts);
        }
    }
}
