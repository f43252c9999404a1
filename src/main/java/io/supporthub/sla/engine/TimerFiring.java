package io.supporthub.sla.engine;

import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.clock.DurationText;
import io.supporthub.sla.clock.TicketFacts;
import io.supporthub.sla.lifecycle.SlaLifecycle;
import io.supporthub.sla.lifecycle.TicketTimers;
import io.supporthub.sla.lifecycle.TicketTimers.DueTimer;
import io.supporthub.sla.lifecycle.TicketTimers.Kind;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due escalation and lifecycle timers: tier escalation, executive escalation, the manager
 * notice, the satisfaction follow-up and the auto-close. Each checks at fire time that its
 * condition still holds (still unresolved, still in that tier, still waiting) and otherwise ends
 * with the reason it no longer applies.
 */
public final class TimerFiring {

    private static final Logger LOG = LoggerFactory.getLogger(TimerFiring.class);
    static final Duration FAILED_TIMER_RETRY = Duration.ofMinutes(5);

    private final TicketTimers timers;
    private final SlaLifecycle lifecycle;
    private final Supplier<EscalationPolicy> escalations;
    private final TicketAlerts alerts;
    private final NotificationStore notifications;
    private final TicketStore tickets;
    private EscalationPolicy anchoredTo;

    public TimerFiring(TicketTimers timers, SlaLifecycle lifecycle, Supplier<EscalationPolicy> escalations, TicketAlerts alerts,
                       NotificationStore notifications, TicketStore tickets) {
        this.timers = timers;
        this.lifecycle = lifecycle;
        this.escalations = escalations;
        this.alerts = alerts;
        this.notifications = notifications;
        this.tickets = tickets;
    }

    SweepResult fireDue(Connection c, Instant now, int limit) throws SQLException {
        EscalationPolicy policy = escalations.get();
        reanchorIfReloaded(c, policy);
        List<DueTimer> due = timers.claimDue(c, now, limit);
        List<Long> ids = new ArrayList<>();
        List<Duration> lateness = new ArrayList<>();
        int fired = 0;
        for (DueTimer timer : due) {
            Savepoint savepoint = c.setSavepoint();
            try {
                List<NotificationRequest> requests = fire(c, timer, policy, now);
                ids.addAll(notifications.enqueue(c, timer.ticket().id(), requests));
                lateness.add(Duration.between(timer.timer().dueAt(), now));
                fired++;
                c.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                LOG.error("Timer {} ({}) of ticket {} failed; retrying in {}: {}", timer.timer().id(), timer.timer().kind().code(),
                        timer.ticket().key(), FAILED_TIMER_RETRY, e.toString());
                timers.postpone(c, timer.timer().id(), now.plus(FAILED_TIMER_RETRY), e.toString());
            }
        }
        return new SweepResult(0, 0, 0, fired, ids, 0, lateness, due.size() == limit);
    }

    private List<NotificationRequest> fire(Connection c, DueTimer due, EscalationPolicy policy, Instant now) throws SQLException {
        TicketFacts ticket = TicketFacts.lock(c, due.ticket().id()).orElseThrow();
        TicketTimers.Timer timer = due.timer();
        List<NotificationRequest> requests = new ArrayList<>();
        String notApplying = switch (timer.kind()) {
            case TIER_ESCALATION -> escalateTier(c, ticket, timer, policy, now, requests);
            case EXECUTIVE_ESCALATION -> escalateToExecutives(c, ticket, policy, now, requests);
            case MANAGER_NOTICE -> noticeManagers(c, ticket, policy, requests);
            case SATISFACTION_FOLLOW_UP -> followUp(c, ticket, timer, now, requests);
            case AUTO_CLOSE -> autoClose(c, ticket, timer, now);
        };
        timers.finish(c, timer.id(), notApplying == null, notApplying == null ? "fired" : notApplying, now);
        return requests;
    }

    /** Each returns null when it acted, or why the timer no longer applies. */
    private String escalateTier(Connection c, TicketFacts ticket, TicketTimers.Timer timer, EscalationPolicy policy, Instant now,
                                List<NotificationRequest> requests) throws SQLException {
        var found = policy.escalationFrom(timer.ruleKey());
        if (found.isEmpty()) {
            return "no rule escalates from " + timer.ruleKey() + " any more";
        }
        EscalationPolicy.TierEscalation rule = found.get();
        if (!ticket.unresolved()) {
            return "ticket is " + ticket.status();
        }
        if (!ticket.tier().equals(rule.from())) {
            return "ticket left " + rule.from() + " for " + ticket.tier();
        }
        String why = "unresolved " + DurationText.of(rule.after()) + " in " + rule.from() + " (rule " + rule.id() + ")";
        String queue = rule.queue().orElse(ticket.queue());
        lifecycle.moveTier(c, ticket, rule.to(), queue, now, why);
        requests.addAll(alerts.slack("escalation:" + ticket.key() + ":" + rule.from() + "-" + rule.to(),
                ticket.withTier(rule.to(), queue).alertFacts(), "escalation", "escalated to " + rule.to() + ": " + why,
                Map.of("from_tier", rule.from(), "to_tier", rule.to())));
        return null;
    }

    private String escalateToExecutives(Connection c, TicketFacts ticket, EscalationPolicy policy, Instant now,
                                        List<NotificationRequest> requests) throws SQLException {
        if (policy.executive().isEmpty()) {
            return "executive escalation is turned off";
        }
        if (!ticket.unresolved()) {
            return "ticket is " + ticket.status();
        }
        if (ticket.tier().equals("EXECUTIVE")) {
            return "ticket is with the executives already";
        }
        String why = "unresolved " + DurationText.of(policy.executive().get().after()) + " since it was opened";
        String queue = policy.executive().get().queue();
        lifecycle.moveTier(c, ticket, "EXECUTIVE", queue, now, why);
        requests.addAll(alerts.slack("escalation:" + ticket.key() + ":executive", ticket.withTier("EXECUTIVE", queue).alertFacts(),
                "escalation", "escalated to the executives: " + why,
                Map.of("from_tier", ticket.tier(), "to_tier", "EXECUTIVE", "audience", TicketAlerts.EXECUTIVES)));
        return null;
    }

    private String noticeManagers(Connection c, TicketFacts ticket, EscalationPolicy policy, List<NotificationRequest> requests)
            throws SQLException {
        if (policy.managerNoticeAfter().isEmpty()) {
            return "manager notice is turned off";
        }
        if (!ticket.unresolved()) {
            return "ticket is " + ticket.status();
        }
        String why = "still unresolved " + DurationText.of(policy.managerNoticeAfter().get()) + " after it was opened";
        tickets.appendEvent(c, ticket.id(), TicketEvent.of("manager_notified", "escalation", why, Map.of("rule", "manager_notice.open_after")));
        requests.addAll(alerts.slack("manager:open:" + ticket.key(), ticket.alertFacts(), "manager_notice", why,
                Map.of("audience", TicketAlerts.MANAGERS)));
        return null;
    }

    private String followUp(Connection c, TicketFacts ticket, TicketTimers.Timer timer, Instant now, List<NotificationRequest> requests)
            throws SQLException {
        if (!ticket.status().equals("solved") && !ticket.status().equals("closed")) {
            return "ticket is " + ticket.status();
        }
        if (lifecycle.rated(c, ticket.id())) {
            return "the customer has rated the ticket already";
        }
        Map<String, Object> facts = new java.util.LinkedHashMap<>(ticket.alertFacts());
        facts.put("survey_token", lifecycle.openSurvey(c, ticket.id(), now));
        requests.addAll(alerts.satisfactionMail("satisfaction:" + ticket.key() + ":" + timer.ruleKey(), facts, ticket.requesterEmail()));
        tickets.appendEvent(c, ticket.id(), TicketEvent.of("satisfaction_follow_up", "automation",
                requests.isEmpty() ? "satisfaction follow-up due, but outgoing mail is off or the ticket has no requester"
                        : "asked " + ticket.requesterEmail() + " how it went, " + DurationText.of(Duration.between(timer.anchorAt(), timer.dueAt()))
                        + " after the solve", Map.of("rule", "lifecycle.satisfaction_follow_up_after")));
        return null;
    }

    private String autoClose(Connection c, TicketFacts ticket, TicketTimers.Timer timer, Instant now) throws SQLException {
        if (!ticket.status().equals("pending_customer")) {
            return "ticket is " + ticket.status();
        }
        lifecycle.autoClose(c, ticket, Duration.between(timer.anchorAt(), timer.dueAt()), now);
        return null;
    }

    /** After an admin changed escalations.yaml, pending timers move to the new thresholds (or end, if a rule was turned off). */
    private void reanchorIfReloaded(Connection c, EscalationPolicy policy) throws SQLException {
        if (policy == anchoredTo) {
            return;
        }
        if (anchoredTo != null) {
            int moved = 0;
            for (String tier : List.of("T1", "T2", "T3", "SPECIALIST", "EXECUTIVE")) {
                moved += timers.reanchor(c, Kind.TIER_ESCALATION, tier, policy.escalationFrom(tier).map(r -> r.after()).orElse(null));
            }
            moved += timers.reanchor(c, Kind.EXECUTIVE_ESCALATION, null, policy.executive().map(e -> e.after()).orElse(null));
            moved += timers.reanchor(c, Kind.MANAGER_NOTICE, null, policy.managerNoticeAfter().orElse(null));
            moved += timers.reanchor(c, Kind.SATISFACTION_FOLLOW_UP, null, policy.satisfactionFollowUpAfter().orElse(null));
            moved += timers.reanchor(c, Kind.AUTO_CLOSE, null, policy.autoClosePendingAfter().orElse(null));
            LOG.info("Escalation policy changed: {} pending timers moved to the new thresholds", moved);
        }
        anchoredTo = policy;
    }
}
