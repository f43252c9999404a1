package io.supporthub.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pure business-time arithmetic for SLA clocks: due instants, elapsed business time, warning
 * instants and recomputation, exact to the nanosecond, with pauses during which the clock stops.
 *
 * <p>Business time is real time (what a stopwatch shows) that falls inside the calendar's opening
 * hours, whose bounds are wall-clock times in the calendar's zone: a 00:00-24:00 day has 23 hours
 * on the spring-forward date and 25 on the fall-back date.
 */
public final class DueTimeCalculator {

    /** Percentages of the target at which warnings fire; 100 is the breach. */
    public static final List<Integer> DEFAULT_WARNING_PERCENTAGES = List.of(50, 75, 90, 100);

    /** Above this a percentage is surely a typo (post-breach reminders go to 200-300 %). */
    static final int MAX_PERCENTAGE = 1000;

    private DueTimeCalculator() {
    }

    public static Instant due(BusinessCalendar calendar, Instant start, Duration businessDuration) {
        return due(calendar, start, businessDuration, List.of());
    }

    /**
     * The first instant at which {@code businessDuration} of business time has run since
     * {@code start}, not counting time inside {@code pauses}. A zero duration is due at {@code start}.
     */
    public static Instant due(BusinessCalendar calendar, Instant start, Duration businessDuration,
                              List<TimeWindow> pauses) {
        requireCalendarAndStart(calendar, start);
        long budget = nanos(businessDuration);
        if (budget == 0) {
            return start;
        }
        Instant clock = start;
        for (TimeWindow pause : TimeWindow.normalize(pauses)) {
            if (!pause.end().isAfter(clock)) {
                continue;
            }
            if (!pause.start().isAfter(clock)) {
                clock = pause.end();
                continue;
            }
            BusinessTimeWalker.Result untilPause = BusinessTimeWalker.walk(calendar, clock, budget, pause.start());
            if (untilPause.budgetReachedAt() != null) {
                return untilPause.budgetReachedAt();
            }
            budget -= untilPause.consumedNanos();
            clock = pause.end();
        }
        return BusinessTimeWalker.walk(calendar, clock, budget, null).budgetReachedAt();
    }

    public static Duration elapsed(BusinessCalendar calendar, Instant from, Instant to) {
        return elapsed(calendar, from, to, List.of());
    }

    /** Business time between {@code from} and {@code to}, minus the business time inside {@code pauses}. */
    public static Duration elapsed(BusinessCalendar calendar, Instant from, Instant to, List<TimeWindow> pauses) {
        requireCalendarAndStart(calendar, from);
        if (to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("elapsed time needs an end at or after " + from + ", got " + to);
        }
        long total = businessNanos(calendar, from, to);
        for (TimeWindow pause : TimeWindow.normalize(pauses)) {
            Instant s = pause.start().isAfter(from) ? pause.start() : from;
            Instant e = pause.end().isBefore(to) ? pause.end() : to;
            if (s.isBefore(e)) {
                total -= businessNanos(calendar, s, e);
            }
        }
        return Duration.ofNanos(total);
    }

    /** The instant each percentage of {@code target} is reached, keyed by percentage in ascending order. */
    public static SortedMap<Integer, Instant> warnings(BusinessCalendar calendar, Instant start, Duration target,
                                                       List<TimeWindow> pauses, List<Integer> percentages) {
        SortedMap<Integer, Instant> result = new TreeMap<>();
        for (int percent : checkedPercentages(percentages)) {
            result.put(percent, due(calendar, start, share(target, percent), pauses));
        }
        return result;
    }

    public static SortedMap<Integer, Instant> warnings(BusinessCalendar calendar, Instant start, Duration target,
                                                       List<TimeWindow> pauses) {
        return warnings(calendar, start, target, pauses, DEFAULT_WARNING_PERCENTAGES);
    }

    /**
     * A new due instant after the priority, policy or calendar changed at {@code changedAt}: the
     * business time elapsed so far (under the old calendar) is kept and only the rest of the new
     * target runs under the new calendar. If the new target was already used up, the result says
     * so and carries the instant it ran out.
     */
    public static Recalculation recompute(BusinessCalendar before, BusinessCalendar after, Instant start,
                                          Instant changedAt, Duration newTarget, List<TimeWindow> pauses) {
        if (after == null) {
            throw new IllegalArgumentException("recompute needs the new calendar");
        }
        Duration elapsed = elapsed(before, start, changedAt, pauses);
        long target = nanos(newTarget);
        if (elapsed.toNanos() >= target) {
            return new Recalculation(elapsed, due(before, start, newTarget, pauses), true);
        }
        Duration remaining = newTarget.minus(elapsed);
        return new Recalculation(elapsed, due(after, changedAt, remaining, pauses), false);
    }

    /** {@link #recompute} for each percentage of the new target, so the warning ladder moves with it. */
    public static SortedMap<Integer, Recalculation> recomputeWarnings(
            BusinessCalendar before, BusinessCalendar after, Instant start, Instant changedAt,
            Duration newTarget, List<TimeWindow> pauses, List<Integer> percentages) {
        SortedMap<Integer, Recalculation> result = new TreeMap<>();
        for (int percent : checkedPercentages(percentages)) {
            result.put(percent, recompute(before, after, start, changedAt, share(newTarget, percent), pauses));
        }
        return result;
    }

    static Duration share(Duration target, int percent) {
        nanos(target);
        return target.multipliedBy(percent).dividedBy(100);
    }

    static List<Integer> checkedPercentages(List<Integer> percentages) {
        if (percentages == null || percentages.isEmpty()) {
            throw new IllegalArgumentException("warning percentages are empty; use e.g. [50, 75, 90, 100]");
        }
        for (Integer p : percentages) {
            if (p == null || p <= 0 || p > MAX_PERCENTAGE) {
                throw new IllegalArgumentException("warning percentage " + p + " is outside 1.." + MAX_PERCENTAGE);
            }
        }
        return percentages;
    }

    private static long businessNanos(BusinessCalendar calendar, Instant from, Instant to) {
        return BusinessTimeWalker.walk(calendar, from, Long.MAX_VALUE, to).consumedNanos();
    }

    private static long nanos(Duration businessDuration) {
        if (businessDuration == null) {
            throw new IllegalArgumentException("business duration is missing");
        }
        if (businessDuration.isNegative()) {
            throw new IllegalArgumentException("business duration " + businessDuration + " is negative");
        }
        try {
            return businessDuration.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("business duration " + businessDuration + " is too long", e);
        }
    }

    private static void requireCalendarAndStart(BusinessCalendar calendar, Instant start) {
        if (calendar == null) {
            throw new IllegalArgumentException("business calendar is missing");
        }
        if (start == null) {
            throw new IllegalArgumentException("start instant is missing");
        }
    }
}
