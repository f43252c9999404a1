package io.supporthub.sla.engine;

import io.supporthub.ticket.attachment.AttachmentLimits;
import io.supporthub.ticket.attachment.AttachmentStore;
import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.intake.ReplyIntake;
import io.supporthub.intake.TicketIntake;
import io.supporthub.mail.MailLedger;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.CalendarCatalog;
import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.SlaPolicyBook;
import io.supporthub.sla.SlaPolicyLoader;
import io.supporthub.sla.clock.ClockKeeper;
import io.supporthub.sla.clock.ClockStore;
import io.supporthub.sla.lifecycle.SlaLifecycle;
import io.supporthub.sla.lifecycle.TicketChanges;
import io.supporthub.sla.lifecycle.TicketTimers;
import io.supporthub.testing.MovableClock;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TestDatabase;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.Classification;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerStore;
import io.supporthub.ticket.CustomerTier;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.mail.MailReceipt;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Routing;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;

/**
 * The SLA engine on a fresh PostgreSQL database with a moved clock: intake with the SLA hooks,
 * the lifecycle and ticket changes, and as many sweeping engines as a test wants. Policies are
 * the test's own, so targets are round numbers.
 */
final class SlaEngineFixture implements AutoCloseable {

    /** Monday 2 March 2026, 09:00 UTC (10:00 in Berlin). */
    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    static final String CALENDARS = """
            default_timezone: Europe/Berlin
            calendars:
              office:
                hours: {weekdays: ["09:00-17:00"]}
              24x7:
                hours: 24x7
            """;
    static final String POLICIES = """
            policies:
              - id: critical
                when: {priority: P1}
                calendar: 24x7
                warnings: [50, 75, 90, 150]
                targets: {first_response: 1h, periodic_update: 2h, resolution: 8h}
              - id: high
                when: {priority: P2}
                calendar: office
                warnings: [50, 75, 90]
                targets: {first_response: 2h, resolution: 16h}
              - id: tier2-reply
                when: {support_tier: T2}
                calendar: 24x7
                warnings: [50]
                targets: {next_reply: 1h}
              - id: tier1-reply
                when: {support_tier: T1}
                calendar: 24x7
                warnings: [50]
                targets: {next_reply: 30m}
              - id: standard
                calendar: office
                warnings: [50, 75, 90]
                targets: {first_response: 4h, resolution: 24h}
            """;
    static final String NO_ESCALATIONS = """
            tier_escalations: []
            executive: off
            manager_notice: {open_after: off, vip: off}
            lifecycle: {satisfaction_follow_up_after: off, auto_close_pending_after: off, manager_review_below: off}
            """;

    final HikariDataSource dataSource;
    final MovableClock clock = new MovableClock(MONDAY);
    final Transactions transactions;
    final TicketStore tickets;
    final NotificationStore notifications;
    final SlaLifecycle lifecycle;
    final TicketChanges changes;
    final ReplyIntake replies;
    private final TicketIntake intake;
    private final TicketTimers timers = new TicketTimers();
    private final TicketAlerts alerts = new TicketAlerts(true, true);
    private final AtomicReference<SlaPolicyBook> policies = new AtomicReference<>();
    private final AtomicReference<EscalationPolicy> escalations = new AtomicReference<>();

    SlaEngineFixture() {
        this(NO_ESCALATIONS);
    }

    SlaEngineFixture(String escalationYaml) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestDatabase.create());
        dataSource.setMaximumPoolSize(8);
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        Flyway.configure().dataSource(dataSource).load().migrate();
        transactions = new Transactions(dataSource);
        tickets = new TicketStore(transactions, new CustomerStore(transactions));
        notifications = new NotificationStore(transactions);
        CalendarCatalog calendars = CalendarCatalog.parse(CALENDARS, "test-calendars", null);
        policies.set(new SlaPolicyBook(calendars, SlaPolicyLoader.parse(POLICIES, "test-policies", calendars.names())));
        escalations.set(EscalationPolicy.parse(escalationYaml, "test-escalations"));
        lifecycle = new SlaLifecycle(new ClockKeeper(new ClockStore(), policies::get), timers, escalations::get, alerts, notifications,
                tickets, clock);
        changes = new TicketChanges(transactions, lifecycle, escalations::get, alerts, notifications, tickets);
        AttachmentStore attachments = new AttachmentStore(tickets, AttachmentLimits.defaults());
        intake = new TicketIntake(transactions, tickets, io.supporthub.ticket.SourceLedgers.of(Channel.EMAIL, new io.supporthub.mail.MailSourceLedger(new MailLedger(transactions))), new io.supporthub.ticket.ExternalLinks(transactions), notifications, new NotificationPolicy(false, false),
                attachments, lifecycle);
        replies = new ReplyIntake(transactions, tickets, io.supporthub.ticket.SourceLedgers.of(Channel.EMAIL, new io.supporthub.mail.MailSourceLedger(new MailLedger(transactions))), attachments, lifecycle);
    }

    /** A new engine object on the same database, as a second hub instance would have. */
    SlaSweep engine(int batchSize) {
        TimerFiring timerFiring = new TimerFiring(timers, lifecycle, escalations::get, alerts, notifications, tickets);
        return new SlaSweep(transactions, new ClockStore(), timers, policies::get, alerts, notifications, tickets, timerFiring, clock, batchSize);
    }

    void escalations(String yaml) {
        escalations.set(EscalationPolicy.parse(yaml, "test-escalations"));
    }

    Ticket create(Priority priority, CustomerTier customerTier, Tier tier) {
        String messageId = UUID.randomUUID() + "@example.com";
        IntakeRequest request = new IntakeRequest(io.supporthub.ticket.TicketSource.message(
                new MailReceipt("support@example.com", messageId, messageId, "0".repeat(64), 100), "mailbox support@example.com", List.of()),
                "ann@example.com", "Ann", "Printer on fire", "It is on fire.");
        CustomerSnapshot customer = new CustomerSnapshot("ann@example.com", "Ann", "003", "001", "Acme", customerTier, null, null, null, "found");
        TicketDraft draft = TicketDraft.of(request)
                .withCustomer(customer, TicketEvent.of("customer_enriched", "test", "found", Map.of()))
                .withClassification(new Classification("technical", priority, "normal", "neutral", "en"), List.of())
                .withRouting(new Routing(tier, "technical", "test"), TicketEvent.of("routed", "test", "routed", Map.of()));
        return intake.create(draft).ticket();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    void advanceTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    int version(String key) {
        return ((Number) Rows.one(dataSource, "select version from ticket where key = ?", key).get("version")).intValue();
    }

    Map<String, Object> clock(String key, String metric) {
        return Rows.one(dataSource, "select c.* from sla_clock c join ticket t on t.id = c.ticket_id where t.key = ? and c.metric = ? "
                + "order by c.cycle desc limit 1", key, metric);
    }

    Instant dueAt(String key, String metric) {
        Object due = clock(key, metric).get("due_at");
        return due == null ? null : ((java.sql.Timestamp) due).toInstant();
    }

    List<Map<String, Object>> steps(String key) {
        return Rows.all(dataSource, "select s.step, s.outcome, s.due_at, s.fired_at, c.metric from sla_step s join sla_clock c on c.id = s.clock_id "
                + "join ticket t on t.id = s.ticket_id where t.key = ? order by s.fired_at, c.metric, s.step", key);
    }

    List<String> events(String key, String type) {
        return Rows.all(dataSource, "select e.reason from ticket_event e join ticket t on t.id = e.ticket_id where t.key = ? and e.type = ? order by e.id",
                key, type).stream().map(r -> (String) r.get("reason")).toList();
    }

    List<Map<String, Object>> alerts(String key) {
        return Rows.all(dataSource, "select n.kind, n.dedupe_key, n.payload::text as payload from notification n join ticket t on t.id = n.ticket_id "
                + "where t.key = ? order by n.id", key);
    }

    Map<String, Object> ticket(String key) {
        return Rows.one(dataSource, "select * from ticket where key = ?", key);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
