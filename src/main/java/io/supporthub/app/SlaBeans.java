package io.supporthub.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.supporthub.admin.SlaApi;
import io.supporthub.admin.TicketApi;
import io.supporthub.admin.TicketChangeApi;
import io.supporthub.app.flow.SlaApiStep;
import io.supporthub.app.flow.SlaMetrics;
import io.supporthub.app.flow.SlaSweepStep;
import io.supporthub.app.flow.TicketChangeStep;
import io.supporthub.db.Transactions;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.SlaPolicyBook;
import io.supporthub.sla.clock.ClockKeeper;
import io.supporthub.sla.clock.ClockStore;
import io.supporthub.sla.engine.SlaSummary;
import io.supporthub.sla.engine.SlaSweep;
import io.supporthub.sla.engine.SweepPacing;
import io.supporthub.sla.engine.TimerFiring;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.sla.lifecycle.SlaLifecycle;
import io.supporthub.sla.lifecycle.TicketChanges;
import io.supporthub.sla.lifecycle.TicketTimers;
import io.supporthub.ticket.TicketStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wires the SLA engine: policies (reloadable from hub.policies-dir), clocks, timers, the lifecycle
 * that drives them, the sweep the sla-sweep route runs, and the API beans. Kept apart from
 * HubBeans so the engine's wiring reads in one place.
 */
final class SlaBeans {

    private final SlaLifecycle lifecycle;
    private final ClockStore clocks;
    private final Transactions transactions;
    private final TicketChanges changes;
    private final SlaSweep sweep;
    private final SlaSummary summary;
    private final HubSettings hub;
    private final Clock clock;

    SlaBeans(HubSettings hub, ConnectorSettings connectors, Transactions transactions, TicketStore tickets, NotificationStore notifications,
             Clock clock) {
        this.hub = hub;
        this.clock = clock;
        this.transactions = transactions;
        Supplier<SlaPolicyBook> policies = SlaPolicyFiles.book(hub.policiesDir(), hub.sla().timezone());
        Supplier<EscalationPolicy> escalations = SlaPolicyFiles.escalations(hub.policiesDir());
        TicketAlerts alerts = new TicketAlerts(connectors.smtp().enabled(), connectors.slack().enabled());
        this.clocks = new ClockStore();
        TicketTimers timers = new TicketTimers();
        this.lifecycle = new SlaLifecycle(new ClockKeeper(clocks, policies), timers, escalations, alerts, notifications, tickets, clock);
        this.changes = new TicketChanges(transactions, lifecycle, escalations, alerts, notifications, tickets);
        TimerFiring timerFiring = new TimerFiring(timers, lifecycle, escalations, alerts, notifications, tickets);
        this.sweep = new SlaSweep(transactions, clocks, timers, policies, alerts, notifications, tickets, timerFiring, clock,
                hub.sla().sweepBatch());
        this.summary = new SlaSummary(transactions);
    }

    /** What intake calls in its transactions: clocks start with the ticket and move with a customer's reply. */
    IntakeHooks intakeHooks() {
        return lifecycle;
    }

    /** The ticket's clocks as the ticket API shows them. */
    java.util.function.LongFunction<List<Map<String, Object>>> clockView() {
        return ticketId -> transactions.read(c -> clocks.describe(c, ticketId));
    }

    void bind(Map<String, Object> beans, TicketApi ticketApi, MeterRegistry meters) {
        SlaMetrics metrics = new SlaMetrics(summary, clock, meters);
        beans.put("slaMetrics", metrics);
        beans.put("slaSweepStep", new SlaSweepStep(sweep, new SweepPacing(hub.sla().sweepMaxWait()), metrics, clock));
        beans.put("ticketChangeStep", new TicketChangeStep(new TicketChangeApi(changes), ticketApi));
        beans.put("slaApiStep", new SlaApiStep(new SlaApi(summary), clock));
    }
}
