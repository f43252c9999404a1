package io.supporthub.sla;

import static io.supporthub.sla.Calendars.BERLIN;
import static io.supporthub.sla.Calendars.NEW_YORK;
import static io.supporthub.sla.Calendars.at;
import static io.supporthub.sla.Calendars.berlin;
import static io.supporthub.sla.DueTimeCalculator.due;
import static io.supporthub.sla.DueTimeCalculator.elapsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pauses that span weekends and leap days, on office hours, night shifts and round the clock. */
class LeapDayAndWeekendPauseTest {

    private final BusinessCalendar office = Calendars.officeHours(BERLIN);

    @Test
    void pause_over_the_leap_day_weekend_of_2032_takes_out_only_friday_and_monday_hours() {
        // 2032: Sat 28 Feb, Sun 29 Feb (the leap day), Mon 1 Mar
        Duration target = Duration.ofHours(6);
        assertThat(due(office, berlin("2032-02-27T13:00:00"), target)).isEqualTo(berlin("2032-03-01T11:00:00"));
        List<TimeWindow> pending = List.of(TimeWindow.of(berlin("2032-02-27T15:00:00"), berlin("2032-03-01T10:00:00")));

        // Fri 15-17 and Mon 09-10 paused: three business hours later
        assertThat(due(office, berlin("2032-02-27T13:00:00"), target, pending)).isEqualTo(berlin("2032-03-01T14:00:00"));
        assertThat(elapsed(office, berlin("2032-02-27T13:00:00"), berlin("2032-03-01T14:00:00"), pending)).isEqualTo(target);
    }

    @Test
    void leap_day_on_a_thursday_counts_as_a_business_day_between_two_pauses() {
        // 2024-02-29 is a Thursday
        List<TimeWindow> pauses = List.of(
                TimeWindow.of(berlin("2024-02-28T16:00:00"), berlin("2024-02-29T10:00:00")),
                TimeWindow.of(berlin("2024-02-29T15:00:00"), berlin("2024-03-04T09:30:00")));

        // Wed 12-16 (4 h), Thu 10-15 (5 h), Mon 09:30-10:30 (1 h)
        assertThat(due(office, berlin("2024-02-28T12:00:00"), Duration.ofHours(10), pauses)).isEqualTo(berlin("2024-03-04T10:30:00"));
    }

    @Test
    void round_the_clock_pause_across_a_weekend_and_the_leap_day_removes_its_real_length() {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven(NEW_YORK);
        List<TimeWindow> weekend = List.of(TimeWindow.of(at(NEW_YORK, "2028-02-26T18:00:00"), at(NEW_YORK, "2028-03-01T06:00:00")));

        // 84 h paused (Sat 18:00 to Wed 06:00 across Tue 29 Feb 2028)
        assertThat(due(always, at(NEW_YORK, "2028-02-26T12:00:00"), Duration.ofHours(8), weekend))
                .isEqualTo(at(NEW_YORK, "2028-03-01T08:00:00"));
    }

    @Test
    void night_shift_paused_over_a_weekend_resumes_on_the_next_night() {
        BusinessCalendar nights = BusinessCalendar.builder(BERLIN).weekdays("22:00-06:00").build();
        // Fri 27 Feb 2032 22:00 shift runs into Sat 28; nothing Sat/Sun nights; Mon 1 Mar 22:00 resumes
        List<TimeWindow> pending = List.of(TimeWindow.of(berlin("2032-02-28T02:00:00"), berlin("2032-03-01T23:00:00")));

        // 4 h Fri night before the pause, then Mon 23:00 onwards: 3 h more -> Tue 02:00
        assertThat(due(nights, berlin("2032-02-27T22:00:00"), Duration.ofHours(7), pending)).isEqualTo(berlin("2032-03-02T02:00:00"));
    }

    @Test
    void holiday_on_the_monday_after_a_paused_weekend_is_skipped_too() {
        BusinessCalendar withHoliday = office.withHolidays(List.of(LocalDate.parse("2026-04-06"))); // Easter Monday
        List<TimeWindow> pending = List.of(TimeWindow.of(berlin("2026-04-02T16:00:00"), berlin("2026-04-04T12:00:00")));

        // Thu 14-16 (2 h), paused over Friday into the weekend, Easter Monday closed: Tue 09-11
        assertThat(due(withHoliday, berlin("2026-04-02T14:00:00"), Duration.ofHours(4), pending)).isEqualTo(berlin("2026-04-07T11:00:00"));
        assertThat(due(office, berlin("2026-04-02T14:00:00"), Duration.ofHours(4), pending))
                .as("without the holiday: Monday").isEqualTo(berlin("2026-04-06T11:00:00"));
    }
}
