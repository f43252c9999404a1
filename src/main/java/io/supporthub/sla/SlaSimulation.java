package io.supporthub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What-if for admins (behind {@code POST /api/v1/sla/simulate}): given a calendar, targets, a start
 * and status changes, the due instant and warning ladder of each metric. Pure; no clock, no database.
 *
 * <p>pending_customer and on_hold pause the clock, new and open run it, solved and closed stop it
 * (a later open resumes). If the events end halted, steps after the halt have no instant (null).
 */
public final class SlaSimulation {

    private static final Set<String> FIELDS = Set.of("calendar", "targets", "start", "events", "warnings");
    private static final Set<String> EVENT_FIELDS = Set.of("at", "status");
    private static final Map<String, ClockState> STATUSES = Map.of(
            "new", ClockState.RUNNING, "open", ClockState.RUNNING,
            "pending_customer", ClockState.PAUSED, "on_hold", ClockState.PAUSED,
            "solved", ClockState.STOPPED, "closed", ClockState.STOPPED);
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum ClockState { RUNNING, PAUSED, STOPPED }

    /** The clock's history after the events: closed halts, plus the halt still in force at the end (if any). */
    private record Timeline(List<TimeWindow> halts, Instant openHaltStart, ClockState finalState) {
    }

    private SlaSimulation() {
    }

    public static Map<String, Object> simulate(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new InvalidSlaInputException("request", "expected a JSON object");
        }
        return simulate(JSON.convertValue(request, Map.class));
    }

    /** Returns {@code {metric: {due, warnings: {percent: instant}, state, elapsed?, breached?}}} as plain maps. */
    public static Map<String, Object> simulate(Map<?, ?> request) {
        if (request == null) {
            throw new InvalidSlaInputException("request", "is missing");
        }
        InputNode root = InputNode.root(request, "");
        root.onlyFields(FIELDS);
        BusinessCalendar calendar = CalendarSpec.read(root.get("calendar"), null);
        SlaTargets targets = SlaPolicyLoader.targets(root.get("targets"));
        Instant start = root.get("start").instant();
        InputNode warningsNode = root.get("warnings");
        List<Integer> warnings = warningsNode.isMissing()
                ? DueTimeCalculator.DEFAULT_WARNING_PERCENTAGES : SlaPolicyLoader.percentages(warningsNode);
        Timeline timeline = timeline(root.get("events"), start);

        Map<String, Object> result = new LinkedHashMap<>();
        targets.asMap().forEach((metric, target) ->
                result.put(metric.key(), metric(calendar, start, target, warnings, timeline)));
        return result;
    }

    private static Map<String, Object> metric(BusinessCalendar calendar, Instant start, Duration target,
                                              List<Integer> warnings, Timeline timeline) {
        Map<String, Object> out = new LinkedHashMap<>();
        Instant due = reachable(DueTimeCalculator.due(calendar, start, target, timeline.halts()), timeline);
        out.put("due", iso(due));
        Map<String, Object> ladder = new LinkedHashMap<>();
        DueTimeCalculator.warnings(calendar, start, target, timeline.halts(), warnings)
                .forEach((percent, at) -> ladder.put(String.valueOf(percent), iso(reachable(at, timeline))));
        out.put("warnings", ladder);
        out.put("state", timeline.finalState().name().toLowerCase(Locale.ROOT));
        if (timeline.openHaltStart() != null) {
            out.put("elapsed", DueTimeCalculator.elapsed(calendar, start, timeline.openHaltStart(), timeline.halts()).toString());
        }
        if (timeline.finalState() == ClockState.STOPPED) {
            out.put("breached", due != null && due.isBefore(timeline.openHaltStart()));
        }
        return out;
    }

    /** An instant after a halt that never ends is never reached. */
    private static Instant reachable(Instant at, Timeline timeline) {
        return timeline.openHaltStart() != null && at.isAfter(timeline.openHaltStart()) ? null : at;
    }

    private static Timeline timeline(InputNode events, Instant start) {
        List<TimeWindow> halts = new ArrayList<>();
        ClockState state = ClockState.RUNNING;
        Instant haltStart = null;
        Instant previous = start;
        if (events.isMissing()) {
            return new Timeline(halts, null, state);
        }
        for (InputNode event : events.items()) {
            event.onlyFields(EVENT_FIELDS);
            Instant at = event.get("at").instant();
            if (at.isBefore(previous)) {
                throw event.get("at").error(at + " is before " + (previous == start ? "start" : "the previous event")
                        + " (" + previous + "); list events in time order");
            }
            String status = event.get("status").text().toLowerCase(Locale.ROOT);
            ClockState next = STATUSES.get(status);
            if (next == null) {
                throw event.get("status").error("'" + status + "' is not a ticket status; use one of "
                        + String.join(", ", new java.util.TreeSet<>(STATUSES.keySet())));
            }
            if (state == ClockState.RUNNING && next != ClockState.RUNNING) {
                haltStart = at;
            } else if (state != ClockState.RUNNING && next == ClockState.RUNNING) {
                halts.add(TimeWindow.of(haltStart, at));
                haltStart = null;
            }
            state = next;
            previous = at;
        }
        return new Timeline(halts, haltStart, state);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
