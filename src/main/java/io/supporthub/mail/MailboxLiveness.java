package io.supporthub.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches that a mailbox keeps being polled. A poller that silently stops is the failure users of
 * other integration tools report most: here, three poll intervals without a successful poll mark
 * the mailbox down, and exactly one alert is due per outage.
 */
public class MailboxLiveness {

    /** How many poll intervals may pass without a successful poll before the mailbox counts as down. */
    public static final int MISSED_POLLS = 3;

    /** A poll still working through a large batch is alive, but not forever: a hung poll is an outage. */
    static final Duration LONGEST_POLL = Duration.ofMinutes(10);

    /** The mailbox's state as health reports it. */
    public record Status(boolean up, Instant lastSuccess, String lastError) {
    }

    private final String mailbox;
    private final Duration pollInterval;
    private final Clock clock;
    private Instant lastSuccess;
    private Instant pollInProgressSince;
    private String lastError;
    private boolean alerted;

    public MailboxLiveness(String mailbox, Duration pollInterval, Clock clock) {
        this.mailbox = mailbox;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** The poller is about to poll; the first call starts the clock, so a slow hub start is no outage. */
    public synchronized void pollStarting() {
        if (lastSuccess == null) {
            lastSuccess = clock.instant();
        }
        pollInProgressSince = clock.instant();
    }

    public synchronized void pollSucceeded() {
        lastSuccess = clock.instant();
        pollInProgressSince = null;
        lastError = null;
        alerted = false;
    }

    public synchronized void pollFailed(Exception error) {
        pollInProgressSince = null;
        lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    public synchronized Status status() {
        Instant now = clock.instant();
        boolean busy = pollInProgressSince != null && Duration.between(pollInProgressSince, now).compareTo(LONGEST_POLL) <= 0;
        boolean up = lastSuccess == null || busy || Duration.between(lastSuccess, now).compareTo(pollInterval.multipliedBy(MISSED_POLLS)) <= 0;
        return new Status(up, lastSuccess, lastError);
    }

    /** The alert text when the mailbox is down and nobody has been told yet in this outage. */
    public synchronized Optional<String> alertDue() {
        Status status = status();
        if (status.up() || alerted) {
            return Optional.empty();
        }
        return Optional.of("Mailbox " + mailbox + " has not been polled successfully since " + status.lastSuccess()
                + " (" + MISSED_POLLS + " intervals of " + pollInterval.toSeconds() + " s)"
                + (status.lastError() == null ? "" : "; last error: " + status.lastError()));
    }

    public synchronized void alertSent() {
        alerted = true;
    }

    public String mailbox() {
        return mailbox;
    }
}
