package io.supporthub.connector.zendesk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code perMinute} requests in any sliding minute: the hub's own pacing under a limit Zendesk
 * documents per endpoint (the incremental export's 10 a minute), so it never needs a 429 to slow down.
 */
final class RequestBudget {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Deque<Instant> sent = new ArrayDeque<>();

    RequestBudget(int perMinute) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("a request budget allows at least one request a minute");
        }
        this.perMinute = perMinute;
    }

    /** Takes one request from the budget and answers zero, or answers how long until one is free (taking nothing). */
    synchronized Duration take(Instant now) {
        Duration wait = peek(now);
        if (wait.isZero()) {
            sent.addLast(now);
        }
        return wait;
    }

    /** How long until a request is free; zero when one is now. Takes nothing. */
    synchronized Duration peek(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
            sent.removeFirst();
        }
        return sent.size() < perMinute ? Duration.ZERO : Duration.between(now, sent.peekFirst().plus(WINDOW));
    }

    int perMinute() {
        return perMinute;
    }
}
