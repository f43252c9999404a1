package io.supporthub.sla.engine;

import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.BusinessCalendar;
import io.supporthub.sla.clock.ClockLadder;
import io.supporthub.sla.clock.ClockStore.DueClock;
import io.supporthub.sla.clock.DurationText;
import io.supporthub.sla.clock.SlaClock;
import io.supporthub.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep does to one due clock: of the steps it has reached, the latest fires (an event and
 * a Slack alert) and any earlier ones are recorded as skipped, so a clock a recalculation or an
 * outage carried past several steps alerts once, not in a storm. Pure: the sweep writes the plan.
 */
record StepPlan(DueClock due, List<ClockLadder.Reached> skipped, ClockLadder.Reached fired, SlaClock after,
                ClockLadder.Schedule schedule) {

    static StepPlan of(DueClock due, BusinessCalendar calendar, Instant now) {
        SlaClock clock = due.clock();
        List<ClockLadder.Reached> reached = ClockLadder.dueSteps(clock, calendar, now);
        if (reached.isEmpty()) {
            // nothing reached (the stored instant was rounded, or a pause raced the claim): just reschedule
            return new StepPlan(due, List.of(), null, clock, ClockLadder.schedule(clock, calendar));
        }
        ClockLadder.Reached fired = reached.get(reached.size() - 1);
        Instant breachedAt = clock.breachedAt();
        if (breachedAt == null && fired.step() >= ClockLadder.BREACH) {
            breachedAt = ClockLadder.reached(clock, calendar, ClockLadder.BREACH);
        }
        SlaClock after = clock.afterStep(fired.step(), breachedAt);
        return new StepPlan(due, reached.subList(0, reached.size() - 1), fired, after, ClockLadder.schedule(after, calendar));
    }

    boolean firesAStep() {
        return fired != null;
    }

    /** sla_warning below 100 %, sla_breach at 100 %, sla_reminder above. */
    static String alertKind(int step) {
        return step < ClockLadder.BREACH ? "sla_warning" : step == ClockLadder.BREACH ? "sla_breach" : "sla_reminder";
    }

    String headline(Instant now) {
        SlaClock clock = due.clock();
        String metric = clock.metric().key().replace('_', ' ');
        Instant dueAt = schedule.dueAt();
        int step = fired.step();
        if (step < ClockLadder.BREACH) {
            return metric + " " + step + " % used: " + DurationText.of(Duration.between(now, dueAt)) + " left of "
                    + DurationText.of(clock.target());
        }
        if (step == ClockLadder.BREACH) {
            return metric + " breached: the " + DurationText.of(clock.target()) + " target ran out";
        }
        return metric + " overdue by " + DurationText.of(Duration.between(dueAt, now)) + " (" + step + " % of "
                + DurationText.of(clock.target()) + ")";
    }

    TicketEvent firedEvent(Instant now) {
        SlaClock clock = due.clock();
        Map<String, Object> payload = payload(now);
        String type = switch (alertKind(fired.step())) {
            case "sla_warning" -> "sla_warning";
            case "sla_breach" -> "sla_breached";
            default -> "sla_reminder";
        };
        return TicketEvent.of(type, "sla-sweep", headline(now) + " (policy " + clock.policyId() + ")", payload);
    }

    TicketEvent skippedEvent(Instant now) {
        List<Integer> steps = skipped.stream().map(ClockLadder.Reached::step).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clock_id", due.clock().id());
        payload.put("metric", due.clock().metric().key());
        payload.put("skipped_steps", steps);
        payload.put("fired_step", fired.step());
        return TicketEvent.of("sla_steps_skipped", "sla-sweep", due.clock().metric().key() + " steps " + steps
                + " % were already passed when the sweep reached the clock (recalculated or delayed): only " + fired.step()
                + " % alerts", payload);
    }

    List<NotificationRequest> alerts(TicketAlerts alerts, Instant now) {
        Map<String, Object> details = payload(now);
        return alerts.slack("sla:" + due.clock().id() + ":" + fired.step(), due.ticket().alertFacts(), alertKind(fired.step()),
                headline(now), details);
    }

    private Map<String, Object> payload(Instant now) {
        SlaClock clock = due.clock();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clock_id", clock.id());
        payload.put("metric", clock.metric().key());
        payload.put("step", fired.step());
        payload.put("policy", clock.policyId());
        payload.put("target", clock.target().toString());
        payload.put("reached_at", fired.at().toString());
        payload.put("due_at", schedule.dueAt().toString());
        payload.put("fired_at", now.toString());
        payload.put("lateness_ms", Duration.between(fired.at(), now).toMillis());
        return payload;
    }

    static List<StepPlan> firing(List<StepPlan> plans) {
        List<StepPlan> result = new ArrayList<>();
        for (StepPlan plan : plans) {
            if (plan.firesAStep()) {
                result.add(plan);
            }
        }
        return result;
    }
}
