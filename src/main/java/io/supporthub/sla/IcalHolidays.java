package io.supporthub.sla;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Reads the all-day events of an iCalendar (RFC 5545) text as holiday dates; tolerant of the
 * variations public holiday feeds have (LF or CRLF, folded lines, lower case, missing DTEND).
 *
 * <p>Events with a time of day are not holidays and are skipped, as are cancelled events.
 * Recurrence rules are not expanded: a recurring event yields its first date only.
 */
public final class IcalHolidays {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Guards against a runaway DTEND turning one event into years of holidays. */
    private static final int MAX_EVENT_DAYS = 366;

    private IcalHolidays() {
    }

    public static List<LocalDate> parse(String icsText) {
        if (icsText == null) {
            throw new IllegalArgumentException("iCal text is missing");
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        Event event = null;
        int lineNumber = 0;
        for (String line : unfold(icsText)) {
            lineNumber++;
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN:VEVENT")) {
                event = new Event();
            } else if (upper.equals("END:VEVENT")) {
                if (event != null) {
                    event.addTo(dates);
                }
                event = null;
            } else if (event != null) {
                event.read(line, lineNumber);
            }
        }
        return List.copyOf(dates);
    }

    /** Joins folded lines (a line starting with a space or tab continues the previous one). */
    private static List<String> unfold(String text) {
        String[] raw = text.replace("\uFEFF", "").split("\r\n|\r|\n");
        List<String> lines = new ArrayList<>();
        for (String line : raw) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** The parts of one VEVENT that decide which dates it covers. */
    private static final class Event {
        private LocalDate start;
        private LocalDate end;
        private Period duration;
        private boolean timed;
        private boolean cancelled;
        private int line;

        void read(String line, int lineNumber) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                return;
            }
            String head = line.substring(0, colon).toUpperCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            String name = head.contains(";") ? head.substring(0, head.indexOf(';')) : head;
            switch (name) {
                case "DTSTART" -> {
                    start = dateOrNull(value, lineNumber);
                    timed = start == null;
                    this.line = lineNumber;
                }
                case "DTEND" -> end = dateOrNull(value, lineNumber);
                case "DURATION" -> duration = periodOrNull(value);
                case "STATUS" -> cancelled = value.equalsIgnoreCase("CANCELLED");
                default -> {
                    // other properties (SUMMARY, UID, RRULE, ...) do not change the dates
                }
            }
        }

        void addTo(TreeSet<LocalDate> dates) {
            if (start == null || timed || cancelled) {
                return;
            }
            LocalDate exclusiveEnd = end != null ? end : duration != null ? start.plus(duration) : start.plusDays(1);
            if (!exclusiveEnd.isAfter(start)) {
                exclusiveEnd = start.plusDays(1);
            }
            if (start.plusDays(MAX_EVENT_DAYS).isBefore(exclusiveEnd)) {
                throw new IllegalArgumentException("iCal event starting on line " + line + " (" + start
                        + ") spans more than " + MAX_EVENT_DAYS + " days; is its DTEND right?");
            }
            for (LocalDate d = start; d.isBefore(exclusiveEnd); d = d.plusDays(1)) {
                dates.add(d);
            }
        }

        /** An 8-digit value is a date (all-day); anything with a time part is a timed event. */
        private static LocalDate dateOrNull(String value, int lineNumber) {
            if (value.length() != 8) {
                return null;
            }
            try {
                return LocalDate.parse(value, BASIC_DATE);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("iCal line " + lineNumber + ": '" + value
                        + "' is not a date (expected YYYYMMDD)", e);
            }
        }

        private static Period periodOrNull(String value) {
            try {
                return Period.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeException e) {
                return null; // a duration with hours belongs to a timed event, which is skipped anyway
            }
        }
    }
}
