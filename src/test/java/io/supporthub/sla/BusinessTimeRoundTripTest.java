package io.supporthub.sla;

import static io.supporthub.sla.DueTimeCalculator.due;
import static io.supporthub.sla.DueTimeCalculator.elapsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style checks over many random starts, durations and pauses (fixed seed, so failures repeat). */
class BusinessTimeRoundTripTest {

    private static final long SEED = 20261122L;
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(365L * 7).toSeconds();

    private final List<BusinessCalendar> calendars = List.of(
            Calendars.officeHours(Calendars.BERLIN).withHolidays(List.of(
                    LocalDate.of(2026, 12, 25), LocalDate.of(2028, 2, 29), LocalDate.of(2027, 1, 1))),
            Calendars.nightShifts(Calendars.NEW_YORK),
            BusinessCalendar.twentyFourSeven(Calendars.SYDNEY),
            BusinessCalendar.twentyFourSeven(ZoneOffset.UTC),
            BusinessCalendar.builder(Calendars.SYDNEY).weekdays("08:30-12:00", "12:45-18:15")
                    .hours(DayOfWeek.SATURDAY, "10:00-14:00").hours(DayOfWeek.SUNDAY, "23:00-01:00").build());

    @Test
    void elapsed_business_time_until_the_due_instant_equals_the_target() {
        Random random = new Random(SEED);
        for (int i = 0; i < 3000; i++) {
            BusinessCalendar calendar = calendars.get(random.nextInt(calendars.size()));
            Instant start = randomInstant(random);
            Duration target = Duration.ofSeconds(random.nextInt(3_000 * 3600), random.nextInt(1_000_000_000));
            List<TimeWindow> pauses = randomPauses(random, start);

            Instant due = due(calendar, start, target, pauses);

            String sample = "#" + i + " " + calendar + " start " + start + " target " + target + " pauses " + pauses;
            assertThat(elapsed(calendar, start, due, pauses)).as(sample).isEqualTo(target);
            if (!target.isZero()) {
                // and it is the first such instant: one nanosecond earlier the target is not yet reached
                assertThat(elapsed(calendar, start, due.minusNanos(1), pauses)).as(sample).isLessThan(target);
            }
        }
    }

    @Test
    void longer_targets_are_never_due_earlier() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 1000; i++) {
            BusinessCalendar calendar = calendars.get(random.nextInt(calendars.size()));
            Instant start = randomInstant(random);
            Duration shorter = Duration.ofSeconds(random.nextInt(500 * 3600));
            Duration longer = shorter.plusSeconds(random.nextInt(100 * 3600));

            assertThat(due(calendar, start, longer)).as("#%d %s from %s", i, calendar, start)
                    .isAfterOrEqualTo(due(calendar, start, shorter));
        }
    }

    /**
     * Compares with a deliberately naive oracle that steps minute by minute and reads the wall
     * clock. Shift bounds stay clear of 01:00-04:00, where DST changes happen, so the oracle's
     * wall-clock view and the calculator's gap/overlap rules agree.
     */
    @Test
    void due_instant_matches_a_minute_stepping_wall_clock_oracle() {
        Random random = new Random(SEED + 2);
        List<BusinessCalendar> oracleCalendars = calendars.subList(0, 3);
        List<Instant> dstWeekends = List.of(
                Instant.parse("2026-03-06T12:00:00Z"), Instant.parse("2026-10-30T12:00:00Z"),
                Instant.parse("2026-03-27T12:00:00Z"), Instant.parse("2026-10-23T12:00:00Z"),
                Instant.parse("2026-04-03T12:00:00Z"), Instant.parse("2026-10-02T12:00:00Z"),
                Instant.parse("2026-12-23T12:00:00Z"), Instant.parse("2028-02-27T12:00:00Z"));
        for (int i = 0; i < 300; i++) {
            BusinessCalendar calendar = oracleCalendars.get(random.nextInt(oracleCalendars.size()));
            Instant start = dstWeekends.get(random.nextInt(dstWeekends.size()))
                    .plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60) - 24 * 60));
            int minutes = random.nextInt(40 * 60);

            assertThat(due(calendar, start, Duration.ofMinutes(minutes)))
                    .as("#%d %s from %s + %d min", i, calendar, start, minutes)
                    .isEqualTo(oracleDue(calendar, start, minutes));
        }
    }

    private static Instant oracleDue(BusinessCalendar calendar, Instant start, int minutes) {
        Instant t = start;
        int counted = 0;
        while (counted < minutes) {
            if (wallClockOpen(calendar, t)) {
                counted++;
            }
            t = t.plusSeconds(60);
        }
        if (minutes > 0) {
            return t;
        }
        return start;
    }

    private static boolean wallClockOpen(BusinessCalendar calendar, Instant instant) {
        ZoneId zone = calendar.zone();
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (calendar.isHoliday(local.toLocalDate())) {
            return false;
        }
        int now = local.toLocalTime().toSecondOfDay();
        DayOfWeek today = local.getDayOfWeek();
        for (WorkingShift s : calendar.shifts().getOrDefault(today, List.of())) {
            boolean sameDay = s.endSecond() > s.startSecond();
            if (sameDay ? now >= s.startSecond() && now < s.endSecond() : now >= s.startSecond()) {
                return true;
            }
        }
        for (WorkingShift s : calendar.shifts().getOrDefault(today.minus(1), List.of())) {
            if (s.overnight() && now < s.endSecond()) {
                return true;
            }
        }
        return false;
    }

    private static Instant randomInstant(Random random) {
        return FROM.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS)).plusNanos(random.nextInt(1_000_000_000));
    }

    private static List<TimeWindow> randomPauses(Random random, Instant start) {
        List<TimeWindow> pauses = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Instant pauseStart = start.plusSeconds(random.nextInt(30 * 24 * 3600) - 2 * 24 * 3600);
            pauses.add(TimeWindow.of(pauseStart, pauseStart.plusSeconds(random.nextInt(5 * 24 * 3600))));
        }
        return pauses;
    }
}
