import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.TicketAlerts;
import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.SlaPolicyBook;
import io.supporthub.sla.clock.ClockKeeper;
import io.supporthub.sla.clock.ClockStore;
import io.supporthub.sla.engine.SlaSweep;
import io.supporthub.sla.engine.SweepPacing;
import io.supporthub.sla.engine.SweepResult;
import io.supporthub.sla.engine.TimerFiring;
import io.supporthub.sla.lifecycle.SlaLifecycle;
import io.supporthub.sla.lifecycle.TicketTimers;
import io.supporthub.ticket.CustomerStore;
import io.supporthub.ticket.TicketStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * The SLA sweep under load: N open clocks (10,000, 100,000, 1,000,000) whose next steps fall due
 * spread over the next hour, inserted in bulk, then the real sweep (SlaSweep and the pacing loop
 * the sla-sweep route runs) for a few minutes of real time. Prints the lateness of fired steps
 * (p50 / p99 / max) and the database time per sweep; then, with the clock held, the cost of a sweep
 * that fires exactly 200 due steps and of one with nothing due, to compare sizes.
 *
 * <pre>
 * bench/sla/run.sh [--sizes 10000,100000,1000000] [--minutes 3] [--jdbc jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]
 * </pre>
 */
public class SlaSweepBenchmark {

    static final Instant ANCHOR = Instant.parse("2030-01-07T00:00:00Z");
    static final int PROBE_DUE = 200;
    static final int PROBE_ROUNDS = 10;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        double minutes = 3;
        String server = System.getenv().getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(s -> Integer.parseInt(s.strip())).toList();
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--jdbc" -> server = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "SLA sweep benchmark, %s, %d cores, %s, run of %.1f min per size%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name")
                        + " " + System.getProperty("java.version"), minutes);
        // the JIT compiles the sweep's hot path first, so the first size is not measured cold
        System.out.println("warm-up on 10,000 clocks for 20 s (not in the table)");
        run(server, 10_000, 20 / 60.0);
        List<String> table = new ArrayList<>();
        double probeAtSmallest = 0;
        double probeAtLargest = 0;
        for (int size : sizes) {
            String[] result = run(server, size, minutes);
            table.add(result[0]);
            double probe = Double.parseDouble(result[1]);
            if (size == sizes.get(0)) {
                probeAtSmallest = probe;
            }
            probeAtLargest = probe;
        }
        System.out.println();
        System.out.println("| open clocks | fired (skipped) | lateness p50 / p99 / max | sweeps with work | db ms per such sweep p50 / p99 / max"
                + " | sweep firing 200 due steps, ms (median of 10) | sweep with nothing due, ms (median of 50) |");
        System.out.println("|---:|---:|---|---:|---|---:|---:|");
        table.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nsweep firing %d due steps: %,d open clocks / %,d open clocks = %.2f (target <= 2)%n", PROBE_DUE,
                sizes.get(sizes.size() - 1), sizes.get(0), probeAtLargest / probeAtSmallest);
    }

    static String[] run(String server, int size, double minutes) throws Exception {
        String database = "sla_bench_" + size;
        try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
            st.execute("create database " + database);
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(withDatabase(server, database));
        dataSource.setMaximumPoolSize(4);
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            Flyway.configure().dataSource(dataSource).load().migrate();
            long insertStart = System.nanoTime();
            insert(dataSource, size);
            System.out.printf(Locale.ROOT, "%n%,d open clocks inserted and analysed in %.1f s%n", size, (System.nanoTime() - insertStart) / 1e9);

            // the engine's clock: real time, shifted so that the hour of due steps starts now
            Clock engineClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ANCHOR));
            SlaSweep sweep = engine(dataSource, engineClock);
            SweepPacing pacing = new SweepPacing(Duration.ofMillis(250));
            List<Long> lateness = new ArrayList<>();
            List<Long> sweepNanos = new ArrayList<>();
            int fired = 0;
            int skipped = 0;
            long end = System.nanoTime() + (long) (minutes * 60e9);
            while (System.nanoTime() < end) {
                SweepResult result = sweep.sweepOnce();
                fired += result.stepsFired();
                skipped += result.stepsSkipped();
                result.lateness().forEach(d -> lateness.add(d.toNanos()));
                if (result.didWork()) {
                    sweepNanos.add(result.databaseNanos());
                }
                Duration wait = pacing.waitAfter(result, sweep.nextDue(), engineClock.instant());
                if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
                }
            }
            Instant held = engineClock.instant();
            SlaSweep probeSweep = engine(dataSource, Clock.fixed(held, ZoneOffset.UTC));
            while (probeSweep.sweepOnce().didWork()) {
                // fire whatever came due during the run's last pause, so the probes measure only their own steps
            }
            List<Long> probes = new ArrayList<>();
            for (int round = 0; round < PROBE_ROUNDS; round++) {
                makeDue(dataSource, held, PROBE_DUE);
                SweepResult result = probeSweep.sweepOnce();
                if (result.stepsFired() != PROBE_DUE) {
                    throw new IllegalStateException("round " + round + ": probe fired " + result.stepsFired() + " steps (claimed " + result.clocksClaimed() + ", skipped " + result.stepsSkipped() + "), expected " + PROBE_DUE);
                }
                probes.add(result.databaseNanos());
            }
            List<Long> empty = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                SweepResult result = probeSweep.sweepOnce();
                empty.add(result.databaseNanos());
            }
            double probeMs = median(probes) / 1e6;
            String row = String.format(Locale.ROOT, "| %,d | %,d (%,d) | %s / %s / %s | %,d | %s / %s / %s | %.1f | %.2f |", size, fired, skipped,
                    ms(percentile(lateness, 50)), ms(percentile(lateness, 99)), ms(percentile(lateness, 100)), sweepNanos.size(),
                    ms(percentile(sweepNanos, 50)), ms(percentile(sweepNanos, 99)), ms(percentile(sweepNanos, 100)), probeMs, median(empty) / 1e6);
            System.out.println(row);
            return new String[] {row, Double.toString(probeMs)};
        } finally {
            dataSource.close();
            try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** N open P1 tickets, each with a running first-response clock of 2 h whose 50 % step falls in the hour after ANCHOR. */
    static void insert(HikariDataSource dataSource, int size) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into ticket (key, subject, description, status, priority, category, tier, queue, channel, requester_email, "
                    + "customer_tier, customer_lookup) select 'SH-' || g, 'Benchmark ticket ' || g, 'open clock', 'open', 'P1', 'technical', "
                    + "'T2', 'technical', 'email', 'bench' || g || '@example.com', 'standard', 'found' from generate_series(1, " + size + ") g");
            try (PreparedStatement insert = c.prepareStatement("insert into sla_clock (ticket_id, metric, policy_id, calendar, target_ms, steps, "
                    + "state, started_at, segment_started_at, due_at, at_risk_at, next_step, next_due_at, updated_at) "
                    + "select id, 'first_response', 'bench', '24x7', 7200000, '{50,75,90,100,150,200}', 'running', s, s, "
                    + "s + interval '2 hours', s + interval '1 hour', 50, s + interval '1 hour', now() "
                    + "from (select id, ?::timestamptz - interval '1 hour' + random() * interval '1 hour' as s from ticket) t")) {
                insert.setTimestamp(1, Timestamp.from(ANCHOR));
                insert.executeUpdate();
            }
            st.execute("vacuum analyze ticket");
            st.execute("vacuum analyze sla_clock");
        }
    }

    /** Moves the start of {@code count} clocks that are due last, so that their 50 % step is due one second before {@code now}. */
    static void makeDue(HikariDataSource dataSource, Instant now, int count) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("update sla_clock set started_at = ?, "
                + "segment_started_at = ?, due_at = ?::timestamptz + interval '2 hours', at_risk_at = ?::timestamptz + interval '1 hour', "
                + "next_due_at = ?::timestamptz + interval '1 hour' "
                + "where id in (select id from sla_clock where next_due_at is not null and last_step = 0 order by next_due_at desc limit ?)")) {
            Timestamp start = Timestamp.from(now.minus(Duration.ofHours(1)).minusSeconds(1));
            for (int i = 1; i <= 5; i++) {
                st.setTimestamp(i, start);
            }
            st.setInt(6, count);
            if (st.executeUpdate() != count) {
                throw new IllegalStateException("fewer than " + count + " clocks are left to make due; use at least "
                        + 4 * PROBE_DUE * PROBE_ROUNDS + " open clocks");
            }
        }
    }

    static SlaSweep engine(HikariDataSource dataSource, Clock clock) {
        Transactions transactions = new Transactions(dataSource);
        SlaPolicyBook book = SlaPolicyBook.defaults(null);
        EscalationPolicy escalations = EscalationPolicy.defaults();
        TicketAlerts alerts = new TicketAlerts(true, true);
        NotificationStore notifications = new NotificationStore(transactions);
        TicketStore tickets = new TicketStore(transactions, new CustomerStore(transactions));
        TicketTimers timers = new TicketTimers();
        ClockStore clocks = new ClockStore();
        SlaLifecycle lifecycle = new SlaLifecycle(new ClockKeeper(clocks, () -> book), timers, () -> escalations, alerts, notifications, tickets, clock);
        TimerFiring timerFiring = new TimerFiring(timers, lifecycle, () -> escalations, alerts, notifications, tickets);
        return new SlaSweep(transactions, clocks, timers, () -> book, alerts, notifications, tickets, timerFiring, clock, 500);
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double median(List<Long> values) {
        return percentile(values, 50);
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }
}
