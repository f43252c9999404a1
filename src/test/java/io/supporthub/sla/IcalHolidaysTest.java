package io.supporthub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IcalHolidaysTest {

    private static final String FEED = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Example//Holidays//EN",
            "BEGIN:VEVENT",
            "UID:christmas-2026@example.org",
            "DTSTART;VALUE=DATE:20261225",
            "DTEND;VALUE=DATE:20261227",
            "SUMMARY:Christmas and Boxing Day, a summary folded",
            " across two lines",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20270101",
            "SUMMARY:New Year without DTEND",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;TZID=Europe/Berlin:20261231T140000",
            "DTEND;TZID=Europe/Berlin:20261231T180000",
            "SUMMARY:Team party (timed, not a holiday)",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20261224",
            "STATUS:CANCELLED",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    @Test
    void all_day_events_become_holidays_with_dtend_exclusive() {
        assertThat(IcalHolidays.parse(FEED)).containsExactly(
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1));
    }

    @Test
    void lower_case_lf_only_feed_with_a_duration_and_a_byte_order_mark_is_read() {
        String feed = "\uFEFFbegin:vcalendar\nbegin:vevent\ndtstart:20260501\nduration:P3D\nend:vevent\nend:vcalendar\n";

        assertThat(IcalHolidays.parse(feed)).containsExactly(
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3));
    }

    @Test
    void imported_holidays_move_the_due_time() {
        BusinessCalendar calendar = BusinessCalendar.builder(Calendars.BERLIN).weekdays("09:00-17:00")
                .holidaysFromIcal(FEED).build();

        // Thu 2026-12-24 16:00 + 2 h: Fri 25th is imported as a holiday, so Mon 28th 10:00
        assertThat(DueTimeCalculator.due(calendar, Calendars.berlin("2026-12-24T16:00:00"), Duration.ofHours(2)))
                .isEqualTo(Calendars.berlin("2026-12-28T10:00:00"));
    }

    @Test
    void feed_without_events_gives_no_holidays() {
        assertThat(IcalHolidays.parse("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")).isEmpty();
    }

    @Test
    void impossible_date_is_rejected_with_its_line_number() {
        String feed = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260230\nEND:VEVENT\n";

        assertThatThrownBy(() -> IcalHolidays.parse(feed)).hasMessageContaining("line 2").hasMessageContaining("20260230");
    }

    @Test
    void runaway_event_spanning_years_is_rejected() {
        String feed = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20300101\nEND:VEVENT\n";

        assertThatThrownBy(() -> IcalHolidays.parse(feed)).hasMessageContaining("spans more than");
    }
}
