package io.supporthub.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.testing.Rows;
import io.supporthub.ticket.CustomerTier;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines — as two hub instances would run them — sweep one database at the same time, from
 * two threads. Each step of each clock fires exactly once, with one event and one alert.
 */
class TwoEnginesTest {

    static final int TICKETS = 200;

    final SlaEngineFixture hub = new SlaEngineFixture();
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        threads.shutdownNow();
        hub.close();
    }

    @Test
    void a_second_engine_skips_the_clocks_the_first_holds_and_fires_the_others() throws Exception {
        for (int i = 0; i < TICKETS; i++) {
            hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        }
        SlaSweep first = hub.engine(20);
        SlaSweep second = hub.engine(20);
        CountDownLatch firstHoldsItsBatch = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);
        first.beforeCommit(() -> {
            firstHoldsItsBatch.countDown();
            await(secondIsDone);
        });
        hub.advance(Duration.ofMinutes(30)); // every clock's 50 % step is due

        Future<SweepResult> held = threads.submit(first::sweepOnce);
        assertThat(firstHoldsItsBatch.await(10, TimeUnit.SECONDS)).isTrue();
        SweepResult beside = second.sweepOnce();
        assertThat(beside.stepsFired()).as("the second engine did not wait for the first's locks").isEqualTo(20);
        assertThat(firedSteps()).as("only the second engine's batch has committed").isEqualTo(20);
        secondIsDone.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).stepsFired()).isEqualTo(20);
        assertThat(firedSteps()).as("the two batches were different clocks").isEqualTo(40);
    }

    @Test
    void two_engines_sweeping_at_once_fire_each_step_of_each_clock_once() throws Exception {
        for (int i = 0; i < TICKETS; i++) {
            hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        }
        List<SlaSweep> engines = List.of(hub.engine(7), hub.engine(7));
        AtomicInteger[] firedBy = {new AtomicInteger(), new AtomicInteger()};
        // first response 1 h: 50, 75, 90, 100, 150 % at 30, 45, 54, 60, 90 minutes; periodic update 2 h: 50, 75 % at 60, 90
        for (int minutes : new int[] {30, 15, 9, 6, 30}) {
            hub.advance(Duration.ofMinutes(minutes));
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> runs = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                SlaSweep engine = engines.get(e);
                AtomicInteger fired = firedBy[e];
                runs.add(threads.submit(() -> {
                    together.await();
                    SweepResult result;
                    do {
                        result = engine.sweepOnce();
                        fired.addAndGet(result.stepsFired());
                    } while (result.clocksClaimed() > 0);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        }

        long expected = TICKETS * 5L + TICKETS * 2L; // first response 50..150; periodic update 50 and 75 by 10:30
        assertThat(firedSteps()).isEqualTo(expected);
        assertThat(firedBy[0].get() + firedBy[1].get()).as("what the engines report is what the database holds").isEqualTo(expected);
        assertThat(firedBy[0].get()).as("both engines did part of the work").isPositive();
        assertThat(firedBy[1].get()).isPositive();
        assertThat(Rows.count(hub.dataSource, "select count(*) from (select clock_id, step from sla_step group by clock_id, step having count(*) > 1) d"))
                .isZero();
        assertThat(Rows.count(hub.dataSource, "select count(*) from ticket_event where type in ('sla_warning', 'sla_breached', 'sla_reminder')"))
                .as("one timeline event per fired step").isEqualTo(expected);
        assertThat(Rows.count(hub.dataSource, "select count(*) from notification where kind = 'slack_alert'"))
                .as("one alert per fired step").isEqualTo(expected);
        assertThat(Rows.count(hub.dataSource, "select count(*) from sla_step where outcome = 'skipped'")).as("no step was late").isZero();
    }

    @Test
    void a_sweep_never_waits_for_a_ticket_being_changed() throws Exception {
        var changing = hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        var replied = hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        var other = hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        hub.advance(Duration.ofMinutes(30));
        try (java.sql.Connection agent = hub.dataSource.getConnection(); java.sql.Connection mail = hub.dataSource.getConnection()) {
            agent.setAutoCommit(false);
            mail.setAutoCommit(false);
            // a ticket change (TicketFacts.lock) and a reply being appended (ReplyIntake locks the row outright)
            lock(agent, "select id from ticket where id = ? for no key update", changing.id());
            lock(mail, "select id from ticket where id = ? for update", replied.id());

            SweepResult result = threads.submit(hub.engine(50)::sweepOnce).get(10, TimeUnit.SECONDS);

            assertThat(result.stepsFired()).as("the changed ticket and the other fire; the one locked outright waits for the next pass")
                    .isEqualTo(2);
            assertThat(hub.steps(changing.key())).hasSize(1);
            assertThat(hub.steps(other.key())).hasSize(1);
            assertThat(hub.steps(replied.key())).isEmpty();
            agent.rollback();
            mail.rollback();
        }
        assertThat(hub.engine(50).sweepOnce().stepsFired()).isEqualTo(1);
        assertThat(hub.steps(replied.key())).hasSize(1);
    }

    private static void lock(java.sql.Connection c, String sql, long ticketId) throws java.sql.SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setLong(1, ticketId);
            st.executeQuery().close();
        }
    }

    private long firedSteps() {
        return Rows.count(hub.dataSource, "select count(*) from sla_step where outcome = 'fired'");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
