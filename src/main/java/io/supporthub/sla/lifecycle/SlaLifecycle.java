package io.supporthub.sla.lifecycle;

import io.supporthub.notify.NotificationRequest;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.SlaMetric;
import io.supporthub.sla.clock.ClockKeeper;
import io.supporthub.sla.clock.TicketFacts;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a ticket's lifecycle does to its SLA clocks and timers: creation starts them, waiting
 * pauses, opening resumes, solving stops (and arms the satisfaction follow-up), reopening resumes
 * resolution, a change of priority or tier recomputes. Every step runs in the caller's
 * transaction and leaves its reason on the timeline.
 */
public final class SlaLifecycle implements IntakeHooks {

    static final Set<String> WAITING = Set.of("pending_customer", "on_hold");
    static final Set<String> DONE = Set.of("solved", "closed");
    private static final Set<TicketTimers.Kind> ESCALATIONS = EnumSet.of(TicketTimers.Kind.TIER_ESCALATION,
            TicketTimers.Kind.EXECUTIVE_ESCALATION, TicketTimers.Kind.MANAGER_NOTICE);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final ClockKeeper clocks;
    private final TicketTimers timers;
    private final Supplier<EscalationPolicy> escalations;
    private final TicketAlerts alerts;
    private final NotificationStore notifications;
    private final TicketStore tickets;
    private final Clock clock;

    public SlaLifecycle(ClockKeeper clocks, TicketTimers timers, Supplier<EscalationPolicy> escalations, TicketAlerts alerts,
                        NotificationStore notifications, TicketStore tickets, Clock clock) {
        this.clocks = clocks;
        this.timers = timers;
        this.escalations = escalations;
        this.alerts = alerts;
        this.notifications = notifications;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The hub's time, at the precision the database keeps, so what is computed is what is stored. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Starts the clocks and arms the timers of tickets created in this transaction, in a few statements for all of them. */
    @Override
    public Map<Long, List<Long>> ticketsCreated(Connection c, List<Long> ticketIds) throws SQLException {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        List<TicketFacts> created = TicketFacts.lockAll(c, ticketIds);
        Instant now = now();
        EscalationPolicy policy = escalations.get();
        Map<Long, List<TicketEvent>> events = clocks.startNewAll(c, created,
                EnumSet.of(SlaMetric.FIRST_RESPONSE, SlaMetric.PERIODIC_UPDATE, SlaMetric.RESOLUTION), now);
        List<TicketTimers.Arming> armings = new ArrayList<>();
        Map<Long, List<NotificationRequest>> requests = new java.util.LinkedHashMap<>();
        for (TicketFacts ticket : created) {
            policy.escalationFrom(ticket.tier()).ifPresent(rule ->
                    armings.add(new TicketTimers.Arming(ticket.id(), TicketTimers.Kind.TIER_ESCALATION, ticket.tier(), now, rule.after())));
            if (policy.executive().isPresent() && !ticket.tier().equals("EXECUTIVE")) {
                armings.add(new TicketTimers.Arming(ticket.id(), TicketTimers.Kind.EXECUTIVE_ESCALATION, "unresolved", now,
                        policy.executive().get().after()));
            }
            policy.managerNoticeAfter().ifPresent(after ->
                    armings.add(new TicketTimers.Arming(ticket.id(), TicketTimers.Kind.MANAGER_NOTICE, "open", now, after)));
            if (policy.vipManagerNotice() && "vip".equals(ticket.customerTier())) {
                String reason = "VIP customer's ticket opened: managers are told at once";
                events.computeIfAbsent(ticket.id(), id -> new ArrayList<>())
                        .add(TicketEvent.of("manager_notified", "escalation", reason, Map.of("rule", "manager_notice.vip")));
                alerts.slack("manager:vip:" + ticket.key(), ticket.alertFacts(), "manager_notice", reason, Map.of("audience", TicketAlerts.MANAGERS))
                        .forEach(request -> requests.computeIfAbsent(ticket.id(), id -> new ArrayList<>()).add(request));
            }
        }
        timers.scheduleAll(c, armings);
        List<Map.Entry<Long, TicketEvent>> timeline = new ArrayList<>();
        events.forEach((ticketId, list) -> list.forEach(event -> timeline.add(Map.entry(ticketId, event))));
        tickets.appendEvents(c, timeline);
        return notifications.enqueueAll(c, new ArrayList<>(requests.keySet()), new ArrayList<>(requests.values()));
    }

    @Override
    public void customerReplied(Connection c, long ticketId, String statusBefore, String statusAfter) throws SQLException {
        TicketFacts ticket = TicketFacts.lock(c, ticketId).orElseThrow();
        Instant now = now();
        if (!statusBefore.equals(statusAfter)) {
            statusChanged(c, ticket, statusBefore, statusAfter, now, "the customer replied");
        }
        tickets.appendEvents(c, ticketId, clocks.customerReplied(c, ticket, now));
    }

    @Override
    public void ticketReenriched(Connection c, long ticketId, String tierBefore) throws SQLException {
        TicketFacts ticket = TicketFacts.lock(c, ticketId).orElseThrow();
        Instant now = now();
        if (!ticket.tier().equals(tierBefore)) {
            timers.cancel(c, ticketId, EnumSet.of(TicketTimers.Kind.TIER_ESCALATION), "left tier " + tierBefore);
            armTierEscalation(c, ticket, now);
        }
        tickets.appendEvents(c, ticketId, clocks.reselect(c, ticket, now, "the CRM answered after an outage"));
        if (escalations.get().vipManagerNotice() && "vip".equals(ticket.customerTier())) {
            String reason = "the CRM now knows the customer as VIP: managers are told at once";
            tickets.appendEvent(c, ticketId, TicketEvent.of("manager_notified", "escalation", reason, Map.of("rule", "manager_notice.vip")));
            notifications.enqueue(c, ticketId, alerts.slack("manager:vip:" + ticket.key(), ticket.alertFacts(), "manager_notice", reason,
                    Map.of("audience", TicketAlerts.MANAGERS)));
        }
    }

    /**
     * The status already changed to {@code ticket.status()} from {@code from}: pause, resume, stop or
     * reopen the clocks, and arm or cancel the timers that depend on the status.
     */
    public void statusChanged(Connection c, TicketFacts ticket, String from, Instant now, String why) throws SQLException {
        statusChanged(c, ticket, from, ticket.status(), now, why);
    }

    private void statusChanged(Connection c, TicketFacts ticket, String from, String to, Instant now, String why)
            throws SQLException {
        List<TicketEvent> events = new ArrayList<>();
        EscalationPolicy policy = escalations.get();
        String because = why + " (" + from + " -> " + to + ")";
        if (DONE.contains(from) && !DONE.contains(to)) {
            events.addAll(clocks.reopen(c, ticket, now, "the ticket was reopened: " + because));
            timers.cancel(c, ticket.id(), EnumSet.of(TicketTimers.Kind.SATISFACTION_FOLLOW_UP), "ticket reopened");
            armTierEscalation(c, ticket, now);
        }
        if (WAITING.contains(to) && !WAITING.contains(from)) {
            events.addAll(clocks.pause(c, ticket, now, "the ticket is " + to + ": " + because));
        } else if (WAITING.contains(from) && !WAITING.contains(to) && !DONE.contains(to)) {
            events.addAll(clocks.resume(c, ticket, now, "the ticket is " + to + " again: " + because));
        }
        if (to.equals("pending_customer") && !from.equals("pending_customer")) {
            policy.autoClosePendingAfter().ifPresent(after ->
                    schedule(c, ticket.id(), TicketTimers.Kind.AUTO_CLOSE, "pending-" + ticket.version(), now, after));
        } else if (from.equals("pending_customer")) {
            timers.cancel(c, ticket.id(), EnumSet.of(TicketTimers.Kind.AUTO_CLOSE), "no longer waiting on the customer");
        }
        if (DONE.contains(to) && !DONE.contains(from)) {
            events.addAll(clocks.stopAll(c, ticket, now, "the ticket is " + to + ": " + because));
            timers.cancel(c, ticket.id(), ESCALATIONS, "ticket " + to);
        }
        if (to.equals("solved") && !from.equals("solved")) {
            policy.satisfactionFollowUpAfter().ifPresent(after ->
                    schedule(c, ticket.id(), TicketTimers.Kind.SATISFACTION_FOLLOW_UP, "solve-" + ticket.version(), now, after));
        }
        tickets.appendEvents(c, ticket.id(), events);
    }

    /** The priority already changed: targets are selected again and clocks keep the business time they used. */
    public void priorityChanged(Connection c, TicketFacts ticket, String from, Instant now) throws SQLException {
        tickets.appendEvents(c, ticket.id(), clocks.reselect(c, ticket, now, "priority changed from " + from + " to " + ticket.priority()));
    }

    /** Moves the ticket to another tier and queue: targets follow the tier, and the next tier escalation is armed. */
    public void moveTier(Connection c, TicketFacts before, String tier, String queue, Instant now, String why) throws SQLException {
        TicketRows.setTier(c, before.id(), tier, queue);
        TicketFacts after = before.withTier(tier, queue);
        List<TicketEvent> events = new ArrayList<>();
        events.add(TicketEvent.of("escalated", "escalation", why + ": " + before.tier() + "/" + before.queue() + " -> " + tier + "/" + queue,
                Map.of("from_tier", before.tier(), "to_tier", tier, "from_queue", before.queue(), "to_queue", queue)));
        tickets.appendEvents(c, before.id(), events);
        timers.cancel(c, before.id(), EnumSet.of(TicketTimers.Kind.TIER_ESCALATION), "left tier " + before.tier());
        armTierEscalation(c, after, now);
        tickets.appendEvents(c, before.id(), clocks.reselect(c, after, now, "tier changed from " + before.tier() + " to " + tier));
    }

    /** An agent's public reply meets first response and next reply and restarts the periodic update. */
    public void agentReplied(Connection c, TicketFacts ticket, Instant now) throws SQLException {
        tickets.appendEvents(c, ticket.id(), clocks.answer(c, ticket, WAITING.contains(ticket.status()), now));
    }

    /** Closes a ticket that has waited on the customer for {@code waited}; its clocks stop with it. */
    public void autoClose(Connection c, TicketFacts ticket, java.time.Duration waited, Instant now) throws SQLException {
        TicketRows.setStatus(c, ticket.id(), "closed");
        tickets.appendEvent(c, ticket.id(), TicketEvent.of("status_changed", "automation",
                "waited on the customer for " + io.supporthub.sla.clock.DurationText.of(waited) + ": closed automatically",
                Map.of("from", ticket.status(), "to", "closed", "rule", "lifecycle.auto_close_pending_after")));
        statusChanged(c, ticket.withStatus("closed"), ticket.status(), now, "auto-close");
    }

    /** A rated ticket needs no satisfaction follow-up any more. */
    public void cancelFollowUp(Connection c, long ticketId) throws SQLException {
        timers.cancel(c, ticketId, EnumSet.of(TicketTimers.Kind.SATISFACTION_FOLLOW_UP), "the customer rated the ticket");
    }

    /** Opens a survey for the follow-up mail and returns its token: 128 random bits, the only key to the rating links. */
    public String openSurvey(Connection c, long ticketId, Instant now) throws SQLException {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TicketRows.insertSurvey(c, token, ticketId, now);
        return token;
    }

    /** Whether the customer has rated the ticket. */
    public boolean rated(Connection c, long ticketId) throws SQLException {
        return TicketRows.rated(c, ticketId);
    }

    private void armTierEscalation(Connection c, TicketFacts ticket, Instant now) throws SQLException {
        var rule = escalations.get().escalationFrom(ticket.tier());
        if (rule.isPresent()) {
            timers.schedule(c, ticket.id(), TicketTimers.Kind.TIER_ESCALATION, ticket.tier(), now, rule.get().after());
        }
    }

    private void schedule(Connection c, long ticketId, TicketTimers.Kind kind, String key, Instant anchor, java.time.Duration after) {
        try {
            timers.schedule(c, ticketId, kind, key, anchor, after);
        } catch (SQLException e) {
            throw new io.supporthub.db.DatabaseException(e);
        }
    }
}
