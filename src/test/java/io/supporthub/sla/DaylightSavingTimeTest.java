package io.supporthub.sla;

import static io.supporthub.sla.Calendars.BERLIN;
import static io.supporthub.sla.Calendars.NEW_YORK;
import static io.supporthub.sla.Calendars.SYDNEY;
import static io.supporthub.sla.Calendars.at;
import static io.supporthub.sla.DueTimeCalculator.due;
import static io.supporthub.sla.DueTimeCalculator.elapsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per DST transition of 2026 in each zone; every change happens on a Sunday night. */
class DaylightSavingTimeTest {

    @Test
    void new_york_spring_forward_night_shift_holds_one_hour_less() {
        assertNightShiftAcrossTransition(NEW_YORK, "2026-03-07", "2026-03-08", Duration.ofHours(7));
    }

    @Test
    void new_york_fall_back_night_shift_holds_one_hour_more() {
        assertNightShiftAcrossTransition(NEW_YORK, "2026-10-31", "2026-11-01", Duration.ofHours(9));
    }

    @Test
    void berlin_spring_forward_night_shift_holds_one_hour_less() {
        assertNightShiftAcrossTransition(BERLIN, "2026-03-28", "2026-03-29", Duration.ofHours(7));
    }

    @Test
    void berlin_fall_back_night_shift_holds_one_hour_more() {
        assertNightShiftAcrossTransition(BERLIN, "2026-10-24", "2026-10-25", Duration.ofHours(9));
    }

    @Test
    void sydney_fall_back_in_april_night_shift_holds_one_hour_more() {
        assertNightShiftAcrossTransition(SYDNEY, "2026-04-04", "2026-04-05", Duration.ofHours(9));
    }

    @Test
    void sydney_spring_forward_in_october_night_shift_holds_one_hour_less() {
        assertNightShiftAcrossTransition(SYDNEY, "2026-10-03", "2026-10-04", Duration.ofHours(7));
    }

    @ParameterizedTest(name = "{0}: Friday {1} 16:00 + 2 business hours is due at {2}")
    @CsvSource({
        "America/New_York, 2026-03-06, 2026-03-09T14:00:00Z",
        "America/New_York, 2026-10-30, 2026-11-02T15:00:00Z",
        "Europe/Berlin, 2026-03-27, 2026-03-30T08:00:00Z",
        "Europe/Berlin, 2026-10-23, 2026-10-26T09:00:00Z",
        "Australia/Sydney, 2026-04-03, 2026-04-06T00:00:00Z",
        "Australia/Sydney, 2026-10-02, 2026-10-04T23:00:00Z"
    })
    void office_hours_after_a_dst_weekend_follow_the_new_wall_clock_offset(String zone, String friday, String expectedUtc) {
        BusinessCalendar office = Calendars.officeHours(ZoneId.of(zone));

        assertThat(due(office, at(ZoneId.of(zone), friday + "T16:00:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse(expectedUtc));
    }

    @ParameterizedTest(name = "{0}: 24 real hours from Saturday {1} noon end at {2} local")
    @CsvSource({
        "America/New_York, 2026-03-07, 2026-03-08T13:00:00",
        "America/New_York, 2026-10-31, 2026-11-01T11:00:00",
        "Europe/Berlin, 2026-03-28, 2026-03-29T13:00:00",
        "Europe/Berlin, 2026-10-24, 2026-10-25T11:00:00",
        "Australia/Sydney, 2026-04-04, 2026-04-05T11:00:00",
        "Australia/Sydney, 2026-10-03, 2026-10-04T13:00:00"
    })
    void twenty_four_seven_counts_real_hours_across_the_change(String zone, String saturday, String expectedLocal) {
        ZoneId id = ZoneId.of(zone);

        assertThat(due(BusinessCalendar.twentyFourSeven(id), at(id, saturday + "T12:00:00"), Duration.ofHours(24)))
                .isEqualTo(at(id, expectedLocal));
    }

    @Test
    void shift_starting_inside_the_spring_forward_gap_opens_when_the_clock_jumps() {
        BusinessCalendar calendar = BusinessCalendar.builder(NEW_YORK).hours(DayOfWeek.SUNDAY, "02:30-04:00").build();

        // 02:30 never shows on 2026-03-08; the shift opens at 03:00 EDT and holds one hour
        assertThat(elapsed(calendar, at(NEW_YORK, "2026-03-08T00:00:00"), at(NEW_YORK, "2026-03-08T12:00:00")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(due(calendar, at(NEW_YORK, "2026-03-08T00:00:00"), Duration.ofMinutes(1)))
                .isEqualTo(Instant.parse("2026-03-08T07:01:00Z"));
    }

    @Test
    void shift_ending_inside_the_repeated_fall_back_hour_ends_at_its_first_occurrence() {
        BusinessCalendar calendar = BusinessCalendar.builder(NEW_YORK).hours(DayOfWeek.SUNDAY, "00:00-01:30").build();

        // 01:30 happens twice on 2026-11-01; the shift ends the first time (EDT)
        assertThat(elapsed(calendar, at(NEW_YORK, "2026-11-01T00:00:00"), at(NEW_YORK, "2026-11-01T12:00:00")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    private static void assertNightShiftAcrossTransition(ZoneId zone, String saturday, String sunday, Duration nightLength) {
        BusinessCalendar nights = Calendars.nightShifts(zone);
        Instant shiftStart = at(zone, saturday + "T22:00:00");
        Instant shiftEnd = at(zone, sunday + "T06:00:00");

        assertThat(elapsed(nights, shiftStart, shiftEnd)).isEqualTo(nightLength);
        assertThat(due(nights, shiftStart, nightLength)).isEqualTo(shiftEnd);
        // one more hour than the night holds continues on Sunday night at 22:00 wall clock
        assertThat(due(nights, shiftStart, nightLength.plusHours(1))).isEqualTo(at(zone, sunday + "T23:00:00"));
    }
}
