package io.supporthub.sla.clock;

import io.supporthub.sla.BusinessCalendar;
import io.supporthub.sla.DueTimeCalculator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a clock's warning ladder stands, from its stored state: the instant each step is reached,
 * and which steps a sweep at a given instant must handle. Pure; the calendar walk is the
 * calculator's, so a stored clock and {@link DueTimeCalculator} never disagree.
 */
public final class ClockLadder {

    public static final int BREACH = 100;

    /** The stored schedule of a clock: its due instant (100 %), its first warning, and its next unfired step. */
    public record Schedule(Instant dueAt, Instant atRiskAt, Integer nextStep, Instant nextDueAt) {
        static final Schedule NONE = new Schedule(null, null, null, null);
    }

    private ClockLadder() {
    }

    /** The policy's warnings with the breach added, ascending and without repeats. */
    public static List<Integer> steps(List<Integer> warnings) {
        TreeSet<Integer> steps = new TreeSet<>(warnings);
        steps.add(BREACH);
        return List.copyOf(steps);
    }

    /** Business time that has run on a clock up to {@code now}. */
    public static Duration elapsed(SlaClock clock, BusinessCalendar calendar, Instant now) {
        if (!clock.running() || !now.isAfter(clock.segmentStartedAt())) {
            return clock.elapsedBefore();
        }
        return clock.elapsedBefore().plus(DueTimeCalculator.elapsed(calendar, clock.segmentStartedAt(), now));
    }

    /**
     * When a running clock reaches {@code percent} of its target. A share already used up before
     * the current segment began is reported as the segment's start: it is due now, not in the future.
     */
    public static Instant reached(SlaClock clock, BusinessCalendar calendar, int percent) {
        if (!clock.running()) {
            throw new IllegalStateException("a " + clock.state().code() + " clock reaches nothing");
        }
        Duration share = clock.target().multipliedBy(percent).dividedBy(100);
        if (share.compareTo(clock.elapsedBefore()) <= 0) {
            return clock.segmentStartedAt();
        }
        return DueTimeCalculator.due(calendar, clock.segmentStartedAt(), share.minus(clock.elapsedBefore()));
    }

    public static Schedule schedule(SlaClock clock, BusinessCalendar calendar) {
        if (!clock.running()) {
            return Schedule.NONE;
        }
        Instant due = reached(clock, calendar, BREACH);
        Integer firstWarning = clock.steps().stream().filter(s -> s < BREACH).findFirst().orElse(null);
        Instant atRisk = firstWarning == null ? null : reached(clock, calendar, firstWarning);
        Integer next = clock.steps().stream().filter(s -> s > clock.lastStep()).findFirst().orElse(null);
        // the next step is usually the first warning: its instant is known, and each walk of the calendar costs
        Instant nextDue = next == null ? null : next == BREACH ? due : next.equals(firstWarning) ? atRisk : reached(clock, calendar, next);
        return new Schedule(due, atRisk, next, nextDue);
    }

    /** The unfired steps a running clock has reached by {@code now}, ascending: the sweep fires the last and skips the rest. */
    public static List<Reached> dueSteps(SlaClock clock, BusinessCalendar calendar, Instant now) {
        List<Reached> due = new ArrayList<>();
        if (!clock.running()) {
            return due;
        }
        for (int step : clock.steps()) {
            if (step <= clock.lastStep()) {
                continue;
            }
            Instant at = reached(clock, calendar, step);
            if (at.isAfter(now)) {
                break;
            }
            due.add(new Reached(step, at));
        }
        return due;
    }

    /** A step of the ladder and the instant the clock reached it. */
    public record Reached(int step, Instant at) {
    }
}
