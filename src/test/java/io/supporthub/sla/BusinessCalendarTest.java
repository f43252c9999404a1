package io.supporthub.sla;

import static io.supporthub.sla.Calendars.BERLIN;
import static io.supporthub.sla.Calendars.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    @Test
    void office_hours_are_open_on_weekdays_and_closed_at_night_and_on_weekends() {
        BusinessCalendar calendar = Calendars.officeHours(BERLIN);

        assertThat(calendar.isOpenAt(berlin("2026-11-23T09:00:00"))).isTrue();
        assertThat(calendar.isOpenAt(berlin("2026-11-23T16:59:59"))).isTrue();
        assertThat(calendar.isOpenAt(berlin("2026-11-23T17:00:00"))).isFalse();
        assertThat(calendar.isOpenAt(berlin("2026-11-23T08:59:59"))).isFalse();
        assertThat(calendar.isOpenAt(berlin("2026-11-28T12:00:00"))).isFalse();
    }

    @Test
    void overnight_shift_runs_past_midnight_into_the_next_date() {
        BusinessCalendar calendar = BusinessCalendar.builder(BERLIN).hours(DayOfWeek.FRIDAY, "22:00-06:00").build();

        assertThat(calendar.isOpenAt(berlin("2026-11-27T23:30:00"))).isTrue();
        assertThat(calendar.isOpenAt(berlin("2026-11-28T05:59:59"))).isTrue();
        assertThat(calendar.isOpenAt(berlin("2026-11-28T06:00:00"))).isFalse();
        assertThat(calendar.shifts().get(DayOfWeek.FRIDAY).get(0).overnight()).isTrue();
    }

    @Test
    void sunday_overnight_shift_wraps_into_monday() {
        BusinessCalendar calendar = BusinessCalendar.builder(BERLIN).hours(DayOfWeek.SUNDAY, "20:00-02:00").build();

        assertThat(calendar.isOpenAt(berlin("2026-11-30T01:00:00"))).isTrue();
    }

    @Test
    void holiday_removes_the_after_midnight_part_of_an_overnight_shift() {
        BusinessCalendar calendar = BusinessCalendar.builder(BERLIN)
                .hours(DayOfWeek.THURSDAY, "22:00-06:00")
                .holiday(LocalDate.of(2026, 12, 25))
                .build();

        assertThat(calendar.isOpenAt(berlin("2026-12-24T23:00:00"))).isTrue();
        assertThat(calendar.isOpenAt(berlin("2026-12-25T01:00:00"))).isFalse();
    }

    @Test
    void twenty_four_seven_is_always_open() {
        BusinessCalendar calendar = BusinessCalendar.twentyFourSeven(BERLIN);

        assertThat(calendar.isTwentyFourSeven()).isTrue();
        assertThat(calendar.isOpenAt(berlin("2026-11-29T03:00:00"))).isTrue();
    }

    @Test
    void split_shifts_and_touching_shifts_are_accepted() {
        BusinessCalendar calendar = BusinessCalendar.builder(BERLIN)
                .hours(DayOfWeek.MONDAY, "13:00-17:00", "09:00-12:00", "17:00-18:00")
                .build();

        assertThat(calendar.isOpenAt(berlin("2026-11-23T12:30:00"))).isFalse();
        assertThat(calendar.isOpenAt(berlin("2026-11-23T17:30:00"))).isTrue();
    }

    @Test
    void overlapping_shifts_are_rejected_naming_the_weekday_and_both_shifts() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder(BERLIN)
                .hours(DayOfWeek.MONDAY, "22:00-06:00")
                .hours(DayOfWeek.TUESDAY, "05:00-13:00");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TUESDAY")
                .hasMessageContaining("MONDAY 22:00-06:00")
                .hasMessageContaining("TUESDAY 05:00-13:00");
    }

    @Test
    void malformed_shifts_are_rejected_naming_the_text_and_the_weekday() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder(BERLIN);

        assertThatThrownBy(() -> builder.hours(DayOfWeek.MONDAY, "9-17"))
                .hasMessageContaining("'9-17'").hasMessageContaining("MONDAY");
        assertThatThrownBy(() -> builder.hours(DayOfWeek.MONDAY, "09:00-25:00"))
                .hasMessageContaining("25:00 is not a time of day");
        assertThatThrownBy(() -> builder.hours(DayOfWeek.MONDAY, "09:00-09:00"))
                .hasMessageContaining("is empty");
    }

    @Test
    void calendar_without_any_hours_is_rejected() {
        assertThatThrownBy(() -> BusinessCalendar.builder(BERLIN).build())
                .hasMessageContaining("weekly hours").hasMessageContaining("are empty");
    }

    @Test
    void twenty_four_seven_with_weekly_hours_is_rejected_as_contradictory() {
        assertThatThrownBy(() -> BusinessCalendar.builder(BERLIN).twentyFourSeven().weekdays("09:00-17:00").build())
                .hasMessageContaining("24x7 and also lists weekly hours");
    }

    @Test
    void missing_zone_and_missing_holiday_are_rejected() {
        assertThatThrownBy(() -> BusinessCalendar.builder(null)).hasMessageContaining("time zone");
        assertThatThrownBy(() -> BusinessCalendar.builder(BERLIN).holiday(null)).hasMessageContaining("holiday");
    }

    @Test
    void calendar_cannot_be_changed_after_it_is_built() {
        BusinessCalendar calendar = Calendars.officeHours(BERLIN);

        assertThatThrownBy(() -> calendar.holidays().add(LocalDate.of(2026, 1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> calendar.shifts().put(DayOfWeek.SUNDAY, List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        BusinessCalendar withHoliday = calendar.withHolidays(List.of(LocalDate.of(2026, 1, 1)));
        assertThat(calendar.holidays()).isEmpty();
        assertThat(withHoliday.holidays()).containsExactly(LocalDate.of(2026, 1, 1));
    }
}
