package io.supporthub.sla.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sweep pass did: clocks claimed, steps fired and skipped, timers fired, the notifications
 * to hand to the senders now that it has committed, the time spent in the database, and how late
 * each fired step was. {@code full} says a batch was full, so more may be due at once.
 */
public record SweepResult(int clocksClaimed, int stepsFired, int stepsSkipped, int timersFired, List<Long> notificationIds,
                          long databaseNanos, List<Duration> lateness, boolean full) {

    public static final SweepResult EMPTY = new SweepResult(0, 0, 0, 0, List.of(), 0, List.of(), false);

    public SweepResult {
        notificationIds = List.copyOf(notificationIds);
        lateness = List.copyOf(lateness);
    }

    SweepResult plus(SweepResult other) {
        List<Long> ids = new ArrayList<>(notificationIds);
        ids.addAll(other.notificationIds);
        List<Duration> late = new ArrayList<>(lateness);
        late.addAll(other.lateness);
        return new SweepResult(clocksClaimed + other.clocksClaimed, stepsFired + other.stepsFired, stepsSkipped + other.stepsSkipped,
                timersFired + other.timersFired, ids, databaseNanos + other.databaseNanos, late, full || other.full);
    }

    SweepResult withDatabaseTime(long nanos) {
        return new SweepResult(clocksClaimed, stepsFired, stepsSkipped, timersFired, notificationIds, nanos, lateness, full);
    }

    public boolean didWork() {
        return clocksClaimed > 0 || timersFired > 0;
    }
}
