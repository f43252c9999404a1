package io.supporthub.sla.engine;

import io.supporthub.db.Transactions;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.BusinessCalendar;
import io.supporthub.sla.SlaPolicyBook;
import io.supporthub.sla.clock.ClockLadder;
import io.supporthub.sla.clock.ClockStore;
import io.supporthub.sla.clock.ClockStore.DueClock;
import io.supporthub.sla.clock.SlaClock;
import io.supporthub.sla.lifecycle.TicketTimers;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the SLA engine: claims the clocks whose next step is due (earliest first, at most a
 * batch, rows other sweepers hold skipped) and fires each step once — the step row, its timeline
 * event and its Slack alert in one transaction — then sets each clock's next due instant. Then the
 * same for due escalation and lifecycle timers. Cost follows what is due, not what is open.
 */
public final class SlaSweep {

    private static final Logger LOG = LoggerFactory.getLogger(SlaSweep.class);
    /** A clock that cannot be computed (its calendar was removed) is looked at again this much later. */
    static final Duration FAILED_CLOCK_RETRY = Duration.ofMinutes(5);

    private final Transactions transactions;
    private final ClockStore clocks;
    private final TicketTimers timers;
    private final Supplier<SlaPolicyBook> policies;
    private final TicketAlerts alerts;
    private final NotificationStore notifications;
    private final TicketStore tickets;
    private final TimerFiring timerFiring;
    private final Clock clock;
    private final int batchSize;
    private volatile Runnable beforeCommit = () -> { };

    public SlaSweep(Transactions transactions, ClockStore clocks, TicketTimers timers, Supplier<SlaPolicyBook> policies,
                    TicketAlerts alerts, NotificationStore notifications, TicketStore tickets, TimerFiring timerFiring,
                    Clock clock, int batchSize) {
        this.transactions = transactions;
        this.clocks = clocks;
        this.timers = timers;
        this.policies = policies;
        this.alerts = alerts;
        this.notifications = notifications;
        this.tickets = tickets;
        this.timerFiring = timerFiring;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** One batch of due clocks and one of due timers, each in its own transaction. */
    public SweepResult sweepOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        SweepResult clockPart = transactions.inTransaction(c -> fireClocks(c, now));
        SweepResult timerPart = transactions.inTransaction(c -> timerFiring.fireDue(c, now, batchSize));
        return clockPart.plus(timerPart).withDatabaseTime(System.nanoTime() - started);
    }

    /** The earliest instant a clock step or a timer is due, or null when nothing is scheduled. */
    public Instant nextDue() {
        return transactions.read(c -> {
            Instant clockDue = clocks.nextDue(c);
            Instant timerDue = timers.nextDue(c);
            if (clockDue == null || timerDue == null) {
                return clockDue == null ? timerDue : clockDue;
            }
            return clockDue.isBefore(timerDue) ? clockDue : timerDue;
        });
    }

    private SweepResult fireClocks(Connection c, Instant now) throws SQLException {
        List<DueClock> due = clocks.claimDue(c, now, batchSize);
        if (due.isEmpty()) {
            return SweepResult.EMPTY;
        }
        SlaPolicyBook book = policies.get();
        List<StepPlan> plans = new ArrayList<>();
        for (DueClock d : due) {
            try {
                BusinessCalendar calendar = book.calendar(d.clock().calendar());
                plans.add(StepPlan.of(d, calendar, now));
            } catch (RuntimeException e) {
                LOG.error("SLA clock {} of ticket {} cannot be computed; retrying in {}: {}", d.clock().id(), d.ticket().key(),
                        FAILED_CLOCK_RETRY, e.getMessage());
                clocks.markFailed(c, d.clock().id(), e.getMessage(), now.plus(FAILED_CLOCK_RETRY));
            }
        }
        Set<String> written = recordSteps(c, plans, now);
        List<Map.Entry<Long, TicketEvent>> events = new ArrayList<>();
        List<NotificationStore.TicketRequest> requests = new ArrayList<>();
        List<Duration> lateness = new ArrayList<>();
        int fired = 0;
        int skipped = 0;
        for (StepPlan plan : StepPlan.firing(plans)) {
            long ticketId = plan.due().ticket().id();
            if (!plan.skipped().isEmpty() && written.contains(key(plan.due().clock().id(), plan.skipped().get(0).step()))) {
                events.add(Map.entry(ticketId, plan.skippedEvent(now)));
                skipped += plan.skipped().size();
            }
            if (!written.contains(key(plan.due().clock().id(), plan.fired().step()))) {
                continue; // fired by another sweeper meanwhile: the step row is the guard
            }
            events.add(Map.entry(ticketId, plan.firedEvent(now)));
            plan.alerts(alerts, now).forEach(r -> requests.add(new NotificationStore.TicketRequest(ticketId, r)));
            lateness.add(Duration.between(plan.fired().at(), now));
            fired++;
        }
        List<SlaClock> after = plans.stream().map(StepPlan::after).toList();
        clocks.saveAll(c, after, plans.stream().map(StepPlan::schedule).toList(), now);
        tickets.appendEvents(c, events);
        List<Long> ids = notifications.enqueueAll(c, requests);
        beforeCommit.run();
        return new SweepResult(due.size(), fired, skipped, 0, ids, 0, lateness, due.size() == batchSize);
    }

    /**
     * Writes one row per fired or skipped step; the primary key (clock, step) admits each once, so
     * returned keys are the steps this transaction owns.
     */
    private static Set<String> recordSteps(Connection c, List<StepPlan> plans, Instant now) throws SQLException {
        List<Object> clockIds = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        List<Object> ticketIds = new ArrayList<>();
        List<Object> outcomes = new ArrayList<>();
        List<Object> dueAt = new ArrayList<>();
        List<Object> lateness = new ArrayList<>();
        for (StepPlan plan : StepPlan.firing(plans)) {
            for (ClockLadder.Reached r : plan.skipped()) {
                add(plan, r, "skipped", now, clockIds, steps, ticketIds, outcomes, dueAt, lateness);
            }
            add(plan, plan.fired(), "fired", now, clockIds, steps, ticketIds, outcomes, dueAt, lateness);
        }
        Set<String> written = new HashSet<>();
        if (clockIds.isEmpty()) {
            return written;
        }
        try (PreparedStatement st = c.prepareStatement("insert into sla_step (clock_id, step, ticket_id, outcome, due_at, fired_at, lateness_ms) "
                + "select u.clock_id, u.step, u.ticket_id, u.outcome, u.due_at::timestamptz, ?, u.lateness_ms "
                + "from unnest(?::bigint[], ?::integer[], ?::bigint[], ?::text[], ?::text[], ?::bigint[]) "
                + "as u(clock_id, step, ticket_id, outcome, due_at, lateness_ms) "
                + "on conflict (clock_id, step) do nothing returning clock_id, step")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setArray(2, c.createArrayOf("bigint", clockIds.toArray()));
            st.setArray(3, c.createArrayOf("integer", steps.toArray()));
            st.setArray(4, c.createArrayOf("bigint", ticketIds.toArray()));
            st.setArray(5, c.createArrayOf("text", outcomes.toArray()));
            st.setArray(6, c.createArrayOf("text", dueAt.toArray()));
            st.setArray(7, c.createArrayOf("bigint", lateness.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    written.add(key(rs.getLong(1), rs.getInt(2)));
                }
            }
        }
        return written;
    }

    private static void add(StepPlan plan, ClockLadder.Reached r, String outcome, Instant now, List<Object> clockIds, List<Object> steps,
                            List<Object> ticketIds, List<Object> outcomes, List<Object> dueAt, List<Object> lateness) {
        clockIds.add(plan.due().clock().id());
        steps.add(r.step());
        ticketIds.add(plan.due().ticket().id());
        outcomes.add(outcome);
        dueAt.add(r.at().toString());
        lateness.add(Duration.between(r.at(), now).toMillis());
    }

    private static String key(long clockId, int step) {
        return clockId + ":" + step;
    }

    /** A test holds a sweep's transaction open here to prove a second sweeper skips its rows. */
    public void beforeCommit(Runnable hook) {
        this.beforeCommit = hook == null ? () -> { } : hook;
    }
}
