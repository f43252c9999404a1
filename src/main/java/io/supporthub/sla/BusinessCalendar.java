package io.supporthub.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * When the SLA clock may run: weekly opening hours in wall-clock time of one zone, minus whole-day
 * holidays; immutable and validated when built.
 *
 * <p>Each shift is split into per-date pieces within [00:00, 24:00), so an overnight shift's hours
 * after midnight belong to the next date (and a holiday on that date removes them).
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean twentyFourSeven;
    private final Map<DayOfWeek, List<WorkingShift>> shifts;
    /** Per weekday (index 0 = Monday): flat [start, end, start, end, ...] seconds of the day, sorted. */
    private final int[][] pieces;
    private final long weeklyNanos;
    private final NavigableSet<LocalDate> holidays;

    private BusinessCalendar(Builder b) {
        this.zone = Objects.requireNonNull(b.zone, "zone");
        this.rules = zone.getRules();
        this.twentyFourSeven = b.twentyFourSeven;
        this.shifts = Collections.unmodifiableMap(copyShifts(b));
        this.pieces = DailyPieces.split(shifts);
        this.weeklyNanos = weeklySeconds(pieces) * 1_000_000_000L;
        if (weeklyNanos == 0) {
            throw new IllegalArgumentException("weekly hours of the calendar in " + zone
                    + " are empty: give at least one shift, or use 24x7");
        }
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(b.holidays));
    }

    public static Builder builder(ZoneId zone) {
        if (zone == null) {
            throw new IllegalArgumentException("calendar needs a time zone");
        }
        return new Builder(zone);
    }

    /** Round the clock in {@code zone} (the zone still decides what a holiday date is). */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        return builder(zone).twentyFourSeven().build();
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isTwentyFourSeven() {
        return twentyFourSeven;
    }

    /** Shifts as configured, keyed by the weekday they start on. */
    public Map<DayOfWeek, List<WorkingShift>> shifts() {
        return shifts;
    }

    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** A copy of this calendar with more holidays, e.g. imported from an iCal feed. */
    public BusinessCalendar withHolidays(Collection<LocalDate> more) {
        Builder b = toBuilder();
        b.holidays(more);
        return b.build();
    }

    /** True when the SLA clock runs at {@code instant} (ignoring ticket pauses). */
    public boolean isOpenAt(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, zone);
        if (isHoliday(date)) {
            return false;
        }
        int[] day = piecesOn(date.getDayOfWeek());
        for (int i = 0; i < day.length; i += 2) {
            if (!instant.isBefore(instantAt(date, day[i])) && instant.isBefore(instantAt(date, day[i + 1]))) {
                return true;
            }
        }
        return false;
    }

    int[] piecesOn(DayOfWeek day) {
        return pieces[day.getValue() - 1];
    }

    long weeklyNanos() {
        return weeklyNanos;
    }

    LocalDate nextHolidayOnOrAfter(LocalDate date) {
        return holidays.ceiling(date);
    }

    ZoneRules rules() {
        return rules;
    }

    /**
     * The instant a wall-clock second of {@code date} happens. A time inside a DST gap maps to the
     * end of the gap (the first instant the clock shows a later time); a time inside a DST overlap
     * maps to its first occurrence, as a person following the wall clock would see it.
     */
    Instant instantAt(LocalDate date, int secondOfDay) {
        LocalDateTime local = secondOfDay >= WorkingShift.DAY_SECONDS
                ? date.plusDays(1).atStartOfDay()
                : date.atTime(LocalTime.ofSecondOfDay(secondOfDay));
        if (rules.isFixedOffset()) {
            return local.toInstant(rules.getOffset(Instant.EPOCH));
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    private Builder toBuilder() {
        Builder b = new Builder(zone);
        b.twentyFourSeven = twentyFourSeven;
        shifts.forEach((day, list) -> b.shifts.computeIfAbsent(day, d -> new ArrayList<>()).addAll(list));
        b.holidays.addAll(holidays);
        return b;
    }

    private static Map<DayOfWeek, List<WorkingShift>> copyShifts(Builder b) {
        Map<DayOfWeek, List<WorkingShift>> copy = new EnumMap<>(DayOfWeek.class);
        if (b.twentyFourSeven) {
            if (!b.shifts.isEmpty()) {
                throw new IllegalArgumentException("calendar in " + b.zone
                        + " is 24x7 and also lists weekly hours; give one or the other");
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                copy.put(day, List.of(new WorkingShift(day, 0, WorkingShift.DAY_SECONDS)));
            }
            return copy;
        }
        b.shifts.forEach((day, list) -> {
            List<WorkingShift> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(WorkingShift::startSecond));
            copy.put(day, List.copyOf(sorted));
        });
        return copy;
    }

    private static long weeklySeconds(int[][] pieces) {
        long total = 0;
        for (int[] day : pieces) {
            for (int i = 0; i < day.length; i += 2) {
                total += day[i + 1] - day[i];
            }
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar other && zone.equals(other.zone)
                && twentyFourSeven == other.twentyFourSeven && shifts.equals(other.shifts)
                && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, twentyFourSeven, shifts, holidays);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + (twentyFourSeven ? ", 24x7" : ", " + shifts.values())
                + ", " + holidays.size() + " holidays]";
    }

    /** Collects shifts and holidays; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<WorkingShift>> shifts = new EnumMap<>(DayOfWeek.class);
        private final TreeSet<LocalDate> holidays = new TreeSet<>();
        private boolean twentyFourSeven;

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        public Builder twentyFourSeven() {
            this.twentyFourSeven = true;
            return this;
        }

        /** Adds shifts such as {@code "09:00-12:00", "13:00-17:00"} or {@code "22:00-06:00"} to a weekday. */
        public Builder hours(DayOfWeek day, String... shiftTexts) {
            return hours(day, List.of(shiftTexts));
        }

        public Builder hours(DayOfWeek day, List<String> shiftTexts) {
            if (day == null) {
                throw new IllegalArgumentException("weekly hours need a weekday");
            }
            List<WorkingShift> list = shifts.computeIfAbsent(day, d -> new ArrayList<>());
            for (String text : shiftTexts) {
                list.add(WorkingShift.parse(day, text));
            }
            return this;
        }

        /** The same shifts Monday to Friday. */
        public Builder weekdays(String... shiftTexts) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    hours(day, shiftTexts);
                }
            }
            return this;
        }

        public Builder holiday(LocalDate date) {
            if (date == null) {
                throw new IllegalArgumentException("holiday date is missing");
            }
            holidays.add(date);
            return this;
        }

        public Builder holidays(Collection<LocalDate> dates) {
            if (dates == null) {
                throw new IllegalArgumentException("holiday list is missing");
            }
            dates.forEach(this::holiday);
            return this;
        }

        /** Adds every all-day event of an iCalendar (.ics) text as a holiday. */
        public Builder holidaysFromIcal(String icsText) {
            return holidays(IcalHolidays.parse(icsText));
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(this);
        }
    }
}
