package io.supporthub.sla;

import static io.supporthub.sla.Calendars.BERLIN;
import static io.supporthub.sla.Calendars.berlin;
import static io.supporthub.sla.DueTimeCalculator.due;
import static io.supporthub.sla.DueTimeCalculator.elapsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DueTimeCalculatorTest {

    private final BusinessCalendar office = Calendars.officeHours(BERLIN);

    @Test
    void target_inside_one_business_day_is_due_the_same_day() {
        assertThat(due(office, berlin("2026-11-23T10:00:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-11-23T14:00:00"));
    }

    @Test
    void start_before_opening_waits_for_the_office_to_open() {
        assertThat(due(office, berlin("2026-11-23T07:00:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-23T10:00:00"));
    }

    @Test
    void start_after_closing_counts_from_the_next_business_morning() {
        assertThat(due(office, berlin("2026-11-23T18:00:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-24T10:00:00"));
    }

    @Test
    void start_on_a_saturday_counts_from_monday_morning() {
        assertThat(due(office, berlin("2026-11-28T12:00:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-11-30T09:30:00"));
    }

    @Test
    void friday_afternoon_target_rolls_over_the_weekend() {
        assertThat(due(office, berlin("2026-11-27T16:00:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-30T10:00:00"));
    }

    @Test
    void target_that_ends_exactly_at_closing_is_due_at_closing_not_next_morning() {
        assertThat(due(office, berlin("2026-11-23T09:00:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-11-23T17:00:00"));
    }

    @Test
    void target_is_exact_to_the_second() {
        assertThat(due(office, berlin("2026-11-23T16:59:59"), Duration.ofSeconds(2))).isEqualTo(berlin("2026-11-24T09:00:01"));
    }

    @Test
    void zero_duration_is_due_at_the_start_even_outside_business_hours() {
        Instant saturday = berlin("2026-11-28T12:00:00");

        assertThat(due(office, saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    @Test
    void holidays_are_skipped_like_weekends() {
        BusinessCalendar withChristmas = office.withHolidays(java.util.List.of(
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

        assertThat(due(withChristmas, berlin("2026-12-23T16:00:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-12-28T10:00:00"));
    }

    @Test
    void start_on_a_holiday_counts_from_the_next_business_day() {
        BusinessCalendar calendar = office.withHolidays(java.util.List.of(LocalDate.of(2026, 11, 23)));

        assertThat(due(calendar, berlin("2026-11-23T10:00:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-11-24T10:00:00"));
    }

    @Test
    void target_spanning_ten_weeks_lands_on_the_exact_business_hour() {
        // 400 h = 50 eight-hour days = ten full working weeks
        assertThat(due(office, berlin("2026-11-23T09:00:00"), Duration.ofHours(400))).isEqualTo(berlin("2027-01-29T17:00:00"));
    }

    @Test
    void target_spanning_twenty_weeks_across_spring_forward_keeps_wall_clock_office_hours() {
        assertThat(due(office, berlin("2026-03-02T09:00:00"), Duration.ofHours(800))).isEqualTo(berlin("2026-07-17T17:00:00"));
    }

    @Test
    void long_target_skips_weeks_but_still_honours_a_holiday_far_ahead() {
        BusinessCalendar calendar = office.withHolidays(java.util.List.of(LocalDate.of(2027, 1, 20)));

        assertThat(due(calendar, berlin("2026-11-23T09:00:00"), Duration.ofHours(400))).isEqualTo(berlin("2027-02-01T17:00:00"));
    }

    @Test
    void leap_day_2028_02_29_is_an_ordinary_business_day() {
        assertThat(due(office, berlin("2028-02-28T16:00:00"), Duration.ofHours(2))).isEqualTo(berlin("2028-02-29T10:00:00"));
    }

    @Test
    void leap_day_as_a_holiday_is_skipped() {
        BusinessCalendar calendar = office.withHolidays(java.util.List.of(LocalDate.of(2028, 2, 29)));

        assertThat(due(calendar, berlin("2028-02-28T16:00:00"), Duration.ofHours(2))).isEqualTo(berlin("2028-03-01T10:00:00"));
    }

    @Test
    void twenty_four_seven_counts_february_of_a_leap_year_as_29_days() {
        BusinessCalendar utc = BusinessCalendar.twentyFourSeven(ZoneOffset.UTC);

        assertThat(elapsed(utc, Instant.parse("2028-02-01T00:00:00Z"), Instant.parse("2028-03-01T00:00:00Z")))
                .isEqualTo(Duration.ofDays(29));
    }

    @Test
    void twenty_four_seven_is_plain_real_time() {
        BusinessCalendar utc = BusinessCalendar.twentyFourSeven(ZoneOffset.UTC);
        Instant start = Instant.parse("2026-11-27T16:00:00Z");

        assertThat(due(utc, start, Duration.ofHours(72))).isEqualTo(start.plus(Duration.ofHours(72)));
    }

    @Test
    void overnight_schedule_continues_on_the_next_shift() {
        BusinessCalendar nights = BusinessCalendar.builder(BERLIN)
                .hours(DayOfWeek.MONDAY, "22:00-06:00").hours(DayOfWeek.TUESDAY, "22:00-06:00")
                .hours(DayOfWeek.WEDNESDAY, "22:00-06:00").hours(DayOfWeek.THURSDAY, "22:00-06:00")
                .hours(DayOfWeek.FRIDAY, "22:00-06:00").build();

        // Friday night holds 7 h from 23:00; the last hour comes on Monday night
        assertThat(due(nights, berlin("2026-11-27T23:00:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-11-30T23:00:00"));
        assertThat(due(nights, berlin("2026-11-24T02:00:00"), Duration.ofHours(3))).isEqualTo(berlin("2026-11-24T05:00:00"));
    }

    @Test
    void lunch_break_between_split_shifts_does_not_count() {
        BusinessCalendar split = BusinessCalendar.builder(BERLIN).weekdays("09:00-12:00", "13:00-17:00").build();

        assertThat(due(split, berlin("2026-11-23T11:00:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-11-23T14:00:00"));
    }

    @Test
    void elapsed_counts_only_business_time() {
        assertThat(elapsed(office, berlin("2026-11-27T16:00:00"), berlin("2026-11-30T10:00:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(elapsed(office, berlin("2026-11-28T10:00:00"), berlin("2026-11-28T10:00:00"))).isZero();
    }

    @Test
    void negative_durations_and_reversed_spans_are_rejected() {
        Instant start = berlin("2026-11-23T10:00:00");

        assertThatThrownBy(() -> due(office, start, Duration.ofHours(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> elapsed(office, start, start.minusSeconds(1))).hasMessageContaining("at or after");
        assertThatThrownBy(() -> due(null, start, Duration.ZERO)).hasMessageContaining("calendar is missing");
    }
}
