package io.supporthub.sla.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a sweeper waits before its next pass: until the next step is due, but never longer than
 * {@code maxWait} (a clock another instance writes is seen that soon) and never shorter than a few
 * milliseconds (steps due close together share one transaction instead of one each).
 */
public record SweepPacing(Duration maxWait) {

    static final Duration MIN_WAIT = Duration.ofMillis(20);

    public SweepPacing {
        if (maxWait == null || maxWait.compareTo(MIN_WAIT) < 0) {
            throw new IllegalArgumentException("the sweep's longest wait must be at least " + MIN_WAIT.toMillis() + " ms, got " + maxWait);
        }
    }

    /** Zero after a full batch (more is due now); else until {@code nextDue}, clamped to [MIN_WAIT, maxWait]. */
    public Duration waitAfter(SweepResult result, Instant nextDue, Instant now) {
        if (result.full()) {
            return Duration.ZERO;
        }
        if (nextDue == null) {
            return maxWait;
        }
        Duration until = Duration.between(now, nextDue);
        if (until.compareTo(MIN_WAIT) < 0) {
            return MIN_WAIT;
        }
        return until.compareTo(maxWait) > 0 ? maxWait : until;
    }
}
