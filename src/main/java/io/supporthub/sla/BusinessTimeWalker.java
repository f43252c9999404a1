package io.supporthub.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;

/**
 * Moves forward through a calendar's business time, date by date, jumping whole weeks at once
 * when nothing inside them (holiday, DST change, limit) can make a week differ from the nominal one.
 */
final class BusinessTimeWalker {

    /** How far a walk got: the business nanos it used and, when the budget ran out, the instant it did. */
    record Result(long consumedNanos, Instant budgetReachedAt) {
    }

    /** Dates a search may cover before we call a duration unreachable (no calendar is that sparse). */
    private static final int MAX_YEARS = 300;

    private BusinessTimeWalker() {
    }

    /**
     * Walks from {@code from} until {@code budgetNanos} (> 0) of business time is used or
     * {@code limit} (exclusive, may be null) is reached, whichever is first.
     */
    static Result walk(BusinessCalendar calendar, Instant from, long budgetNanos, Instant limit) {
        LocalDate day = LocalDate.ofInstant(from, calendar.zone());
        LocalDate limitDay = limit == null ? null : LocalDate.ofInstant(limit, calendar.zone());
        LocalDate giveUp = day.plusYears(MAX_YEARS);
        long consumed = 0;
        boolean firstDay = true;
        while (limitDay == null || !day.isAfter(limitDay)) {
            if (!firstDay) {
                long weeks = skippableWeeks(calendar, day, limitDay, budgetNanos - consumed);
                if (weeks > 0) {
                    consumed += weeks * calendar.weeklyNanos();
                    day = day.plusWeeks(weeks);
                    continue;
                }
            }
            firstDay = false;
            if (!calendar.isHoliday(day)) {
                int[] pieces = calendar.piecesOn(day.getDayOfWeek());
                for (int i = 0; i < pieces.length; i += 2) {
                    Instant start = max(calendar.instantAt(day, pieces[i]), from);
                    Instant end = calendar.instantAt(day, pieces[i + 1]);
                    if (limit != null && end.isAfter(limit)) {
                        end = limit;
                    }
                    if (!start.isBefore(end)) {
                        continue;
                    }
                    long length = nanosBetween(start, end);
                    long remaining = budgetNanos - consumed;
                    if (length >= remaining) {
                        return new Result(budgetNanos, start.plusNanos(remaining));
                    }
                    consumed += length;
                }
            }
            day = day.plusDays(1);
            if (day.isAfter(giveUp)) {
                throw new IllegalArgumentException("business duration " + Duration.ofNanos(budgetNanos)
                        + " is not reached within " + MAX_YEARS + " years of " + from);
            }
        }
        return new Result(consumed, null);
    }

    /**
     * Whole weeks from the start of {@code day} whose business time is exactly the nominal week:
     * no holiday, no offset transition on or next to their dates, not past the limit's date, and
     * strictly less than the remaining budget so the final, partial day is walked precisely.
     */
    private static long skippableWeeks(BusinessCalendar calendar, LocalDate day, LocalDate limitDay, long remaining) {
        long weekNanos = calendar.weeklyNanos();
        long weeks = (remaining - 1) / weekNanos;
        if (weeks <= 0) {
            return 0;
        }
        long freeDays = Long.MAX_VALUE;
        if (limitDay != null) {
            freeDays = ChronoUnit.DAYS.between(day, limitDay);
        }
        LocalDate holiday = calendar.nextHolidayOnOrAfter(day);
        if (holiday != null) {
            freeDays = Math.min(freeDays, ChronoUnit.DAYS.between(day, holiday));
        }
        if (!calendar.rules().isFixedOffset()) {
            ZoneOffsetTransition next = calendar.rules().nextTransition(calendar.instantAt(day.minusDays(1), 0));
            if (next != null) {
                // the transition's date and the day before (whose 24:00 may be the transition) are walked
                LocalDate changed = LocalDate.ofInstant(next.getInstant(), calendar.zone()).minusDays(1);
                freeDays = Math.min(freeDays, ChronoUnit.DAYS.between(day, changed));
            }
        }
        return Math.max(0, Math.min(weeks, freeDays / 7));
    }

    static long nanosBetween(Instant start, Instant end) {
        return Math.addExact(Math.multiplyExact(end.getEpochSecond() - start.getEpochSecond(), 1_000_000_000L),
                end.getNano() - start.getNano());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
