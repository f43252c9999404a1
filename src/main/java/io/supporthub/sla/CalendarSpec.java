package io.supporthub.sla;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a calendar written as {@code {timezone, hours: {mon: ["09:00-17:00"], ...} | "24x7", holidays,
 * holidays_ical}}, the one shape shared by calendars.yaml and the simulate API.
 */
final class CalendarSpec {

    static final String TWENTY_FOUR_SEVEN = "24x7";

    private static final Set<String> FIELDS = Set.of("timezone", "hours", "holidays", "holidays_ical");
    private static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY));
    private static final Set<String> HOURS_KEYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekdays");

    private CalendarSpec() {
    }

    /** {@code defaultZone} (may be null) applies when the spec names no timezone. */
    static BusinessCalendar read(InputNode node, ZoneId defaultZone) {
        node.onlyFields(FIELDS);
        InputNode tz = node.get("timezone");
        ZoneId zone = tz.isMissing() && defaultZone != null ? defaultZone : tz.zone();
        BusinessCalendar.Builder builder = BusinessCalendar.builder(zone);
        InputNode hours = node.get("hours");
        if (!hours.isMissing() && !hours.isList() && isText(hours)) {
            if (!TWENTY_FOUR_SEVEN.equalsIgnoreCase(hours.text())) {
                throw hours.error("'" + hours.text() + "' is not a schedule; use \"24x7\" or a map like {mon: [\"09:00-17:00\"]}");
            }
            builder.twentyFourSeven();
        } else {
            hours.entries(HOURS_KEYS).forEach((day, shifts) -> shifts.read(n -> {
                addShifts(builder, day, n);
                return null;
            }));
        }
        InputNode holidays = node.get("holidays");
        if (!holidays.isMissing()) {
            holidays.items().forEach(h -> builder.holiday(h.date()));
        }
        InputNode ical = node.get("holidays_ical");
        if (!ical.isMissing()) {
            ical.read(n -> builder.holidaysFromIcal(n.text()));
        }
        return node.read(n -> builder.build());
    }

    private static void addShifts(BusinessCalendar.Builder builder, String day, InputNode shifts) {
        String key = day.toLowerCase(Locale.ROOT);
        if (key.equals("weekdays")) {
            builder.weekdays(shifts.texts().toArray(String[]::new));
        } else {
            builder.hours(DAY_NAMES.get(key.substring(0, 3)), shifts.texts());
        }
    }

    private static boolean isText(InputNode node) {
        try {
            node.text();
            return true;
        } catch (InvalidSlaInputException e) {
            return false;
        }
    }
}
