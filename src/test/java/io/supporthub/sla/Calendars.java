package io.supporthub.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Calendars and wall-clock instants the SLA tests share, so each test reads in local time. */
final class Calendars {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private Calendars() {
    }

    static BusinessCalendar officeHours(ZoneId zone) {
        return BusinessCalendar.builder(zone).weekdays("09:00-17:00").build();
    }

    /** Every night 22:00-06:00, weekends included, so shifts span every DST change (all at night). */
    static BusinessCalendar nightShifts(ZoneId zone) {
        BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            b.hours(day, "22:00-06:00");
        }
        return b.build();
    }

    /** The instant a wall clock in {@code zone} shows {@code local} (first occurrence when repeated). */
    static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static Instant berlin(String local) {
        return at(BERLIN, local);
    }
}
