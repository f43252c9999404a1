package io.supporthub.sla;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Named business calendars, loaded from calendars.yaml; policies refer to them by name. */
public final class CalendarCatalog {

    public static final String DEFAULT_RESOURCE = "policies/calendars.yaml";

    private final Map<String, BusinessCalendar> calendars;

    private CalendarCatalog(Map<String, BusinessCalendar> calendars) {
        this.calendars = Collections.unmodifiableMap(calendars);
    }

    /** The calendars shipped with the hub; {@code zoneOverride} (may be null) replaces their default_timezone. */
    public static CalendarCatalog loadDefaults(ZoneId zoneOverride) {
        return parse(YamlSource.classpathText(DEFAULT_RESOURCE), DEFAULT_RESOURCE, zoneOverride);
    }

    /**
     * Reads {@code default_timezone} and {@code calendars: {name: {timezone, hours, holidays}}};
     * a calendar without its own timezone uses {@code zoneOverride}, else {@code default_timezone}.
     */
    public static CalendarCatalog parse(String yamlText, String sourceName, ZoneId zoneOverride) {
        InputNode root = YamlSource.parse(yamlText, sourceName);
        root.onlyFields(Set.of("default_timezone", "calendars"));
        InputNode defaultZoneNode = root.get("default_timezone");
        ZoneId defaultZone = zoneOverride != null ? zoneOverride
                : defaultZoneNode.isMissing() ? null : defaultZoneNode.zone();
        Map<String, BusinessCalendar> result = new LinkedHashMap<>();
        root.get("calendars").entries(null).forEach((name, spec) -> result.put(name, CalendarSpec.read(spec, defaultZone)));
        if (result.isEmpty()) {
            throw new InvalidSlaInputException(sourceName + ": calendars", "defines no calendar");
        }
        return new CalendarCatalog(result);
    }

    public BusinessCalendar get(String name) {
        BusinessCalendar calendar = calendars.get(name);
        if (calendar == null) {
            throw new IllegalArgumentException("no business calendar named '" + name + "'; known: " + calendars.keySet());
        }
        return calendar;
    }

    public Set<String> names() {
        return calendars.keySet();
    }
}
