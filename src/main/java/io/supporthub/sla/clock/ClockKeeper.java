package io.supporthub.sla.clock;

import io.supporthub.sla.AppliedTarget;
import io.supporthub.sla.BusinessCalendar;
import io.supporthub.sla.SlaMetric;
import io.supporthub.sla.SlaPolicyBook;
import io.supporthub.ticket.TicketEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Drives a ticket's SLA clocks through its lifecycle, in the caller's transaction: start, pause,
 * resume, answer, stop, and recompute on a change of priority or tier keeping the business time
 * already used. Each change returns the timeline events that explain it (with the policy id).
 */
public final class ClockKeeper {

    static final String ACTOR = "sla";

    private final ClockStore store;
    private final Supplier<SlaPolicyBook> policies;

    public ClockKeeper(ClockStore store, Supplier<SlaPolicyBook> policies) {
        this.store = store;
        this.policies = policies;
    }

    /** Starts the clocks of tickets just created in one transaction: first cycles, nothing to look up, all in one batch. */
    public Map<Long, List<TicketEvent>> startNewAll(Connection c, List<TicketFacts> tickets, Set<SlaMetric> metrics, Instant now)
            throws SQLException {
        return start(c, tickets, metrics, false, now, true);
    }

    /** Starts a clock for each of {@code metrics} a policy defines for the ticket; a paused start waits for the ticket to open. */
    public List<TicketEvent> start(Connection c, TicketFacts ticket, Set<SlaMetric> metrics, boolean paused, Instant now) throws SQLException {
        return start(c, List.of(ticket), metrics, paused, now, false).getOrDefault(ticket.id(), List.of());
    }

    private Map<Long, List<TicketEvent>> start(Connection c, List<TicketFacts> tickets, Set<SlaMetric> metrics, boolean paused, Instant now,
                                               boolean isNew) throws SQLException {
        SlaPolicyBook book = policies.get();
        List<SlaClock> clocks = new ArrayList<>();
        List<ClockLadder.Schedule> schedules = new ArrayList<>();
        for (TicketFacts ticket : tickets) {
            Map<SlaMetric, AppliedTarget> targets = book.select(ticket.context());
            for (SlaMetric metric : SlaMetric.values()) {
                AppliedTarget target = targets.get(metric);
                if (target == null || !metrics.contains(metric)) {
                    continue;
                }
                boolean cycles = metric == SlaMetric.NEXT_REPLY || metric == SlaMetric.PERIODIC_UPDATE;
                int cycle = cycles && !isNew ? store.nextCycle(c, ticket.id(), metric) : 1;
                SlaClock clock = new SlaClock(0, ticket.id(), metric, cycle, target.policyId(), target.calendar(), target.target(),
                        ClockLadder.steps(target.warnings()), paused ? ClockState.PAUSED : ClockState.RUNNING, null, now,
                        paused ? null : now, Duration.ZERO, null, null, 0);
                clocks.add(clock);
                schedules.add(ClockLadder.schedule(clock, book.calendar(clock.calendar())));
            }
        }
        List<Long> ids = store.insertAll(c, clocks, schedules, now);
        Map<Long, List<TicketEvent>> events = new LinkedHashMap<>();
        for (int i = 0; i < clocks.size(); i++) {
            SlaClock clock = clocks.get(i);
            ClockLadder.Schedule schedule = schedules.get(i);
            events.computeIfAbsent(clock.ticketId(), id -> new ArrayList<>()).add(event("sla_started", clock.metric().key()
                    + " clock started: " + DurationText.of(clock.target()) + " on calendar " + clock.calendar() + " by policy " + clock.policyId()
                    + (paused ? "; paused until the ticket is open" : "; due " + schedule.dueAt()), ids.get(i), clock, schedule));
        }
        return events;
    }

    /** Holds every running clock while the ticket waits on the customer or is on hold. */
    public List<TicketEvent> pause(Connection c, TicketFacts ticket, Instant now, String why) throws SQLException {
        SlaPolicyBook book = policies.get();
        List<TicketEvent> events = new ArrayList<>();
        for (SlaClock clock : store.lockForTicket(c, ticket.id())) {
            if (!clock.running()) {
                continue;
            }
            BusinessCalendar calendar = book.calendar(clock.calendar());
            ClockLadder.Schedule before = ClockLadder.schedule(clock, calendar);
            Duration used = ClockLadder.elapsed(clock, calendar, now);
            SlaClock paused = clock.with(ClockState.PAUSED, null, used).withRisk(reachedBy(before.atRiskAt(), now),
                    clock.breachedAt() != null ? clock.breachedAt() : reachedBy(before.dueAt(), now));
            store.save(c, paused, ClockLadder.Schedule.NONE, now);
            events.add(event("sla_paused", clock.metric().key() + " clock paused: " + why + "; " + DurationText.of(used) + " of "
                    + DurationText.of(clock.target()) + " used (policy " + clock.policyId() + ")", clock.id(), paused, ClockLadder.Schedule.NONE));
        }
        return events;
    }

    /** Runs every paused clock again from {@code now}, keeping the business time used before the pause. */
    public List<TicketEvent> resume(Connection c, TicketFacts ticket, Instant now, String why) throws SQLException {
        List<TicketEvent> events = new ArrayList<>();
        for (SlaClock clock : store.lockForTicket(c, ticket.id())) {
            if (clock.state() == ClockState.PAUSED) {
                events.add(run(c, clock.with(ClockState.RUNNING, now, clock.elapsedBefore()), now, "sla_resumed",
                        clock.metric().key() + " clock resumed: " + why));
            }
        }
        return events;
    }

    /** A reopened ticket's resolution clock runs on from where the solve stopped it. */
    public List<TicketEvent> reopen(Connection c, TicketFacts ticket, Instant now, String why) throws SQLException {
        List<TicketEvent> events = new ArrayList<>();
        List<SlaClock> clocks = store.lockForTicket(c, ticket.id());
        SlaClock resolution = null;
        for (SlaClock clock : clocks) {
            if (clock.metric() == SlaMetric.RESOLUTION) {
                resolution = clock;
            }
        }
        // a resolution the solve stopped runs on; one cancelled because no policy defines it stays so
        if (resolution != null && resolution.state() == ClockState.STOPPED && !"cancelled".equals(resolution.outcome())) {
            SlaClock reopened = new SlaClock(resolution.id(), resolution.ticketId(), resolution.metric(), resolution.cycle(),
                    resolution.policyId(), resolution.calendar(), resolution.target(), resolution.steps(), ClockState.RUNNING, null,
                    resolution.startedAt(), now, resolution.elapsedBefore(), resolution.atRiskAt(), resolution.breachedAt(),
                    resolution.lastStep());
            events.add(run(c, reopened, now, "sla_resumed", "resolution clock resumed: " + why));
        }
        return events;
    }

    /**
     * An agent's public reply: it meets first response and next reply, and ends the current
     * periodic-update cycle, whose next cycle starts at once (paused if the ticket is waiting).
     */
    public List<TicketEvent> answer(Connection c, TicketFacts ticket, boolean ticketWaits, Instant now) throws SQLException {
        List<TicketEvent> events = new ArrayList<>();
        boolean periodic = false;
        for (SlaClock clock : store.lockForTicket(c, ticket.id())) {
            if (!clock.live() || clock.metric() == SlaMetric.RESOLUTION) {
                continue;
            }
            events.add(stop(c, clock, now, false, "answered by an agent's public reply"));
            periodic |= clock.metric() == SlaMetric.PERIODIC_UPDATE;
        }
        if (periodic && ticket.unresolved()) {
            events.addAll(start(c, ticket, Set.of(SlaMetric.PERIODIC_UPDATE), ticketWaits, now));
        }
        return events;
    }

    /** A customer's reply after the first response starts the next-reply clock, unless one is already waiting for an answer. */
    public List<TicketEvent> customerReplied(Connection c, TicketFacts ticket, Instant now) throws SQLException {
        for (SlaClock clock : store.lockForTicket(c, ticket.id())) {
            if (clock.live() && (clock.metric() == SlaMetric.FIRST_RESPONSE || clock.metric() == SlaMetric.NEXT_REPLY)) {
                return List.of();
            }
        }
        boolean waits = ticket.status().equals("pending_customer") || ticket.status().equals("on_hold");
        return start(c, ticket, Set.of(SlaMetric.NEXT_REPLY), waits, now);
    }

    /** Solved or closed: resolution is met (or breached), the other clocks end with the ticket. */
    public List<TicketEvent> stopAll(Connection c, TicketFacts ticket, Instant now, String why) throws SQLException {
        List<TicketEvent> events = new ArrayList<>();
        for (SlaClock clock : store.lockForTicket(c, ticket.id())) {
            if (clock.live()) {
                events.add(stop(c, clock, now, clock.metric() != SlaMetric.RESOLUTION, why));
            }
        }
        return events;
    }

    /**
     * Re-selects the ticket's targets after its priority or tier changed: each live clock keeps the
     * business time it has used and runs the rest of its new target on the new calendar. A target
     * already used up is due at once; the sweep then fires only the latest step it has passed.
     */
    public List<TicketEvent> reselect(Connection c, TicketFacts ticket, Instant now, String why) throws SQLException {
        Map<SlaMetric, AppliedTarget> targets = policies.get().select(ticket.context());
        List<TicketEvent> events = new ArrayList<>();
        Set<SlaMetric> seen = new java.util.HashSet<>();
        for (SlaClock clock : store.lockForTicket(c, ticket.id())) {
            seen.add(clock.metric());
            if (clock.live()) {
                TicketEvent event = retarget(c, clock, targets.get(clock.metric()), now, why);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        // a metric the new policy adds and the ticket never had; first response is not started late
        Set<SlaMetric> added = new java.util.HashSet<>();
        for (SlaMetric metric : List.of(SlaMetric.PERIODIC_UPDATE, SlaMetric.RESOLUTION)) {
            if (targets.containsKey(metric) && !seen.contains(metric)) {
                added.add(metric);
            }
        }
        if (!added.isEmpty() && ticket.unresolved()) {
            events.addAll(start(c, ticket, added, ticket.status().equals("pending_customer") || ticket.status().equals("on_hold"), now));
        }
        return events;
    }

    /** Moves one live clock to its new target (or ends it when none applies); null when nothing changed. */
    private TicketEvent retarget(Connection c, SlaClock clock, AppliedTarget target, Instant now, String why) throws SQLException {
        BusinessCalendar calendar = policies.get().calendar(clock.calendar());
        if (target == null) {
            SlaClock cancelled = clock.stopped("cancelled", ClockLadder.elapsed(clock, calendar, now), clock.breachedAt());
            store.save(c, cancelled, ClockLadder.Schedule.NONE, now);
            return event("sla_cancelled", clock.metric().key() + " clock cancelled: " + why + " and no policy defines "
                    + clock.metric().key() + " for the ticket now", clock.id(), cancelled, ClockLadder.Schedule.NONE);
        }
        List<Integer> steps = ClockLadder.steps(target.warnings());
        if (target.policyId().equals(clock.policyId()) && target.calendar().equals(clock.calendar())
                && target.target().equals(clock.target()) && steps.equals(clock.steps())) {
            return null;
        }
        Duration used = ClockLadder.elapsed(clock, calendar, now);
        SlaClock moved = clock.withTarget(target.policyId(), target.calendar(), target.target(), steps)
                .with(clock.state(), clock.running() ? now : null, used);
        String reason = clock.metric().key() + " recomputed: " + why + "; policy " + target.policyId() + " sets "
                + DurationText.of(target.target()) + " on calendar " + target.calendar() + ", " + DurationText.of(used) + " already used";
        if (moved.running()) {
            return run(c, moved, now, "sla_recomputed", reason);
        }
        store.save(c, moved, ClockLadder.Schedule.NONE, now);
        return event("sla_recomputed", reason + "; stays paused", clock.id(), moved, ClockLadder.Schedule.NONE);
    }

    private TicketEvent run(Connection c, SlaClock clock, Instant now, String type, String reason) throws SQLException {
        ClockLadder.Schedule schedule = ClockLadder.schedule(clock, policies.get().calendar(clock.calendar()));
        store.save(c, clock, schedule, now);
        boolean passed = schedule.nextDueAt() != null && !schedule.nextDueAt().isAfter(now);
        return event(type, reason + "; due " + schedule.dueAt() + (passed ? " (a step is already passed: the latest fires now)" : ""),
                clock.id(), clock, schedule);
    }

    private TicketEvent stop(Connection c, SlaClock clock, Instant now, boolean endsWithTicket, String why) throws SQLException {
        BusinessCalendar calendar = policies.get().calendar(clock.calendar());
        Duration used = ClockLadder.elapsed(clock, calendar, now);
        Instant breachedAt = clock.breachedAt();
        if (breachedAt == null && used.compareTo(clock.target()) >= 0) {
            breachedAt = clock.running() ? ClockLadder.reached(clock, calendar, ClockLadder.BREACH) : now;
        }
        String outcome = breachedAt != null ? "breached" : endsWithTicket ? "cancelled" : "met";
        SlaClock stopped = clock.stopped(outcome, used, breachedAt);
        store.save(c, stopped, ClockLadder.Schedule.NONE, now);
        String verdict = switch (outcome) {
            case "met" -> "met after " + DurationText.of(used) + " of " + DurationText.of(clock.target());
            case "breached" -> "breached: " + DurationText.of(used) + " used of " + DurationText.of(clock.target());
            default -> "ended with the ticket after " + DurationText.of(used) + " of " + DurationText.of(clock.target());
        };
        return event(outcome.equals("met") ? "sla_met" : "sla_stopped", clock.metric().key() + " " + verdict + ": " + why
                + " (policy " + clock.policyId() + ")", clock.id(), stopped, ClockLadder.Schedule.NONE);
    }

    private static Instant reachedBy(Instant at, Instant now) {
        return at != null && !at.isAfter(now) ? at : null;
    }

    static TicketEvent event(String type, String reason, long clockId, SlaClock clock, ClockLadder.Schedule schedule) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clock_id", clockId);
        payload.put("metric", clock.metric().key());
        payload.put("cycle", clock.cycle());
        payload.put("policy", clock.policyId());
        payload.put("calendar", clock.calendar());
        payload.put("target", clock.target().toString());
        payload.put("elapsed", clock.elapsedBefore().toString());
        payload.put("state", clock.state().code());
        if (clock.outcome() != null) {
            payload.put("outcome", clock.outcome());
        }
        if (schedule.dueAt() != null) {
            payload.put("due_at", schedule.dueAt().toString());
        }
        return TicketEvent.of(type, ACTOR, reason, payload);
    }
}
