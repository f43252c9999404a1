package io.supporthub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarCatalogTest {

    @Test
    void shipped_calendars_are_berlin_office_hours_and_24x7() {
        CalendarCatalog catalog = CalendarCatalog.loadDefaults(null);

        BusinessCalendar business = catalog.get("business");
        assertThat(business.zone()).isEqualTo(Calendars.BERLIN);
        assertThat(business.isOpenAt(Calendars.berlin("2026-11-23T09:00:00"))).isTrue();
        assertThat(business.isOpenAt(Calendars.berlin("2026-11-28T10:00:00"))).isFalse();
        assertThat(business.holidays()).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 3, 26));
        assertThat(catalog.get("24x7").isTwentyFourSeven()).isTrue();
    }

    @Test
    void zone_override_moves_every_calendar_without_its_own_timezone() {
        CalendarCatalog catalog = CalendarCatalog.loadDefaults(Calendars.NEW_YORK);

        assertThat(catalog.get("business").zone()).isEqualTo(Calendars.NEW_YORK);
        assertThat(DueTimeCalculator.due(catalog.get("business"), Calendars.at(Calendars.NEW_YORK, "2026-11-23T16:00:00"),
                Duration.ofHours(2))).isEqualTo(Calendars.at(Calendars.NEW_YORK, "2026-11-24T10:00:00"));
    }

    @Test
    void calendar_with_own_timezone_overnight_shifts_and_ical_holidays_is_read() {
        String yaml = """
                calendars:
                  night-desk:
                    timezone: Australia/Sydney
                    hours:
                      mon: ["22:00-06:00"]
                      Friday: 22:00-06:00
                    holidays: [2026-12-25]
                    holidays_ical: "BEGIN:VEVENT\\nDTSTART;VALUE=DATE:20261228\\nEND:VEVENT\\n"
                """;
        BusinessCalendar calendar = CalendarCatalog.parse(yaml, "c.yaml", ZoneId.of("UTC")).get("night-desk");

        assertThat(calendar.zone()).isEqualTo(Calendars.SYDNEY);
        assertThat(calendar.shifts().get(java.time.DayOfWeek.FRIDAY).get(0).overnight()).isTrue();
        assertThat(calendar.holidays()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    }

    @Test
    void errors_name_the_calendar_field() {
        assertThatThrownBy(() -> CalendarCatalog.parse("calendars:\n  x:\n    timezone: Mars/Olympus\n    hours: 24x7\n", "c.yaml", null))
                .hasMessageContaining("x.timezone").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> CalendarCatalog.parse("calendars:\n  x:\n    timezone: UTC\n    hours: {mon: [\"9-5\"]}\n", "c.yaml", null))
                .hasMessageContaining("x.hours.mon").hasMessageContaining("'9-5'");
        assertThatThrownBy(() -> CalendarCatalog.parse("calendars:\n  x:\n    timezone: UTC\n    hours: {funday: [\"09:00-17:00\"]}\n", "c.yaml", null))
                .hasMessageContaining("x.hours.funday").hasMessageContaining("unknown field");
        assertThatThrownBy(() -> CalendarCatalog.parse("calendars:\n  x:\n    timezone: UTC\n    hours: 24x7\n    holidays: [2026-02-30]\n", "c.yaml", null))
                .hasMessageContaining("x.holidays[0]");
        assertThatThrownBy(() -> CalendarCatalog.loadDefaults(null).get("nope")).hasMessageContaining("known: [business, 24x7]");
    }
}
