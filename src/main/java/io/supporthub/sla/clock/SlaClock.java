package io.supporthub.sla.clock;

import io.supporthub.sla.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One SLA clock as stored: which target it measures, on which calendar, and how much business time
 * has run. While running, business time counts from {@code segmentStartedAt} on top of
 * {@code elapsedBefore}; a pause folds the segment into {@code elapsedBefore}.
 *
 * @param steps      the ladder, ascending percentages of the target (warnings, 100 = breach, reminders)
 * @param lastStep   the highest step fired or skipped so far (0 = none); steps only move forward
 * @param atRiskAt   when the first warning was or will be reached (null while paused and not yet reached)
 * @param breachedAt when the breach step fired, or when the clock stopped past its target
 */
public record SlaClock(long id, long ticketId, SlaMetric metric, int cycle, String policyId, String calendar, Duration target,
                       List<Integer> steps, ClockState state, String outcome, Instant startedAt, Instant segmentStartedAt,
                       Duration elapsedBefore, Instant atRiskAt, Instant breachedAt, int lastStep) {

    public SlaClock {
        steps = List.copyOf(steps);
    }

    public boolean running() {
        return state == ClockState.RUNNING;
    }

    public boolean live() {
        return state != ClockState.STOPPED;
    }

    SlaClock with(ClockState newState, Instant newSegmentStart, Duration newElapsed) {
        return new SlaClock(id, ticketId, metric, cycle, policyId, calendar, target, steps, newState, outcome, startedAt,
                newSegmentStart, newElapsed, atRiskAt, breachedAt, lastStep);
    }

    SlaClock withTarget(String newPolicy, String newCalendar, Duration newTarget, List<Integer> newSteps) {
        return new SlaClock(id, ticketId, metric, cycle, newPolicy, newCalendar, newTarget, newSteps, state, outcome, startedAt,
                segmentStartedAt, elapsedBefore, atRiskAt, breachedAt, lastStep);
    }

    SlaClock stopped(String newOutcome, Duration newElapsed, Instant newBreachedAt) {
        return new SlaClock(id, ticketId, metric, cycle, policyId, calendar, target, steps, ClockState.STOPPED, newOutcome, startedAt,
                null, newElapsed, atRiskAt, newBreachedAt, lastStep);
    }

    SlaClock withRisk(Instant newAtRiskAt, Instant newBreachedAt) {
        return new SlaClock(id, ticketId, metric, cycle, policyId, calendar, target, steps, state, outcome, startedAt,
                segmentStartedAt, elapsedBefore, newAtRiskAt, newBreachedAt, lastStep);
    }

    public SlaClock afterStep(int step, Instant newBreachedAt) {
        return new SlaClock(id, ticketId, metric, cycle, policyId, calendar, target, steps, state, outcome, startedAt,
                segmentStartedAt, elapsedBefore, atRiskAt, newBreachedAt, Math.max(lastStep, step));
    }
}
