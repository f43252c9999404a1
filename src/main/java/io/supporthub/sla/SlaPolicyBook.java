package io.supporthub.sla;

import java.util.Map;

/**
 * The SLA policies and the calendars they count on, as one consistent pair: every calendar a
 * policy names exists. Policies and calendars are separate files an admin may edit one at a time,
 * so the pair is what the engine reads.
 */
public record SlaPolicyBook(CalendarCatalog calendars, SlaPolicySelector policies) {

    public SlaPolicyBook {
        if (calendars == null || policies == null) {
            throw new IllegalArgumentException("SLA policy book needs calendars and policies");
        }
        for (SlaPolicy policy : policies.policies()) {
            if (!calendars.names().contains(policy.calendar())) {
                throw new InvalidSlaInputException("policies." + policy.id() + ".calendar",
                        "calendar '" + policy.calendar() + "' is not defined; known: " + calendars.names());
            }
        }
    }

    /** The policies and calendars shipped with the hub; {@code zoneOverride} (may be null) replaces their default zone. */
    public static SlaPolicyBook defaults(java.time.ZoneId zoneOverride) {
        CalendarCatalog calendars = CalendarCatalog.loadDefaults(zoneOverride);
        return new SlaPolicyBook(calendars, SlaPolicyLoader.loadDefaults(calendars));
    }

    public Map<SlaMetric, AppliedTarget> select(SlaContext ticket) {
        return policies.select(ticket);
    }

    /**
     * The calendar a clock counts on. A clock keeps the name it started with; if an admin has since
     * removed that calendar, the clock cannot be computed, which the caller reports per clock.
     */
    public BusinessCalendar calendar(String name) {
        return calendars.get(name);
    }
}
