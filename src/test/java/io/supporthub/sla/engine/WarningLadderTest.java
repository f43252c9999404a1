package io.supporthub.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.ticket.CustomerTier;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.Tier;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warning ladder with a moved clock: each step fires once, at its instant, and a clock carried past several steps alerts once. */
class WarningLadderTest {

    final SlaEngineFixture hub = new SlaEngineFixture();
    final SlaSweep engine = hub.engine(100);

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void each_warning_the_breach_and_the_reminder_fire_once_at_their_instant() {
        Ticket ticket = hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        // critical: first response 1 h round the clock, warnings 50/75/90, breach, reminder at 150 %
        List<Instant> ladder = List.of(at("09:30"), at("09:45"), at("09:54"), at("10:00"), at("10:30"));

        hub.advanceTo(at("09:30").minusMillis(1));
        assertThat(engine.sweepOnce().stepsFired()).as("nothing is due a millisecond early").isZero();
        for (Instant step : ladder) {
            hub.advanceTo(step);
            assertThat(engine.sweepOnce().stepsFired()).as("a step fires at %s", step).isPositive();
            assertThat(engine.sweepOnce().stepsFired()).as("and only once").isZero();
        }

        List<Map<String, Object>> firstResponse = hub.steps(ticket.key()).stream().filter(s -> s.get("metric").equals("first_response")).toList();
        assertThat(firstResponse).extracting(s -> s.get("step")).containsExactly(50, 75, 90, 100, 150);
        assertThat(firstResponse).extracting(s -> s.get("outcome")).containsOnly("fired");
        assertThat(firstResponse).extracting(s -> instant(s.get("fired_at"))).containsExactlyElementsOf(ladder);
        assertThat(firstResponse).allSatisfy(s -> assertThat(s.get("fired_at")).isEqualTo(s.get("due_at")));

        assertThat(hub.events(ticket.key(), "sla_warning")).filteredOn(r -> r.startsWith("first response")).containsExactly(
                "first response 50 % used: 30m left of 1h (policy critical)",
                "first response 75 % used: 15m left of 1h (policy critical)",
                "first response 90 % used: 6m left of 1h (policy critical)");
        assertThat(hub.events(ticket.key(), "sla_breached")).containsExactly("first response breached: the 1h target ran out (policy critical)");
        assertThat(hub.events(ticket.key(), "sla_reminder")).filteredOn(r -> r.startsWith("first response"))
                .containsExactly("first response overdue by 30m (150 % of 1h) (policy critical)");
        assertThat(hub.alerts(ticket.key())).filteredOn(a -> a.get("payload").toString().contains("\"metric\": \"first_response\""))
                .extracting(a -> a.get("dedupe_key").toString().replaceAll("sla:\\d+:", "sla:clock:"))
                .containsExactly("sla:clock:50", "sla:clock:75", "sla:clock:90", "sla:clock:100", "sla:clock:150");
        assertThat(hub.clock(ticket.key(), "first_response"))
                .containsEntry("next_due_at", null)
                .containsEntry("breached_at", Timestamp.from(at("10:00")));
    }

    @Test
    void a_clock_the_sweep_reaches_late_fires_only_its_latest_step_and_records_the_others_as_skipped() {
        Ticket ticket = hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        hub.advanceTo(at("09:55"));

        SweepResult result = engine.sweepOnce();

        assertThat(result.stepsFired()).isEqualTo(1);
        assertThat(result.stepsSkipped()).isEqualTo(2);
        assertThat(hub.steps(ticket.key())).extracting(s -> s.get("step") + " " + s.get("outcome"))
                .containsExactlyInAnyOrder("50 skipped", "75 skipped", "90 fired");
        assertThat(hub.events(ticket.key(), "sla_warning")).containsExactly("first response 90 % used: 5m left of 1h (policy critical)");
        assertThat(hub.events(ticket.key(), "sla_steps_skipped")).singleElement().asString().contains("[50, 75]");
        assertThat(hub.alerts(ticket.key())).hasSize(1);
        assertThat(result.lateness()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void a_solved_ticket_fires_nothing_more_and_its_resolution_is_met() {
        Ticket ticket = hub.create(Priority.P1, CustomerTier.STANDARD, Tier.T3);
        hub.advance(Duration.ofMinutes(20));
        hub.changes.change(ticket.key(), hub.version(ticket.key()), "solved", null, "agent");

        hub.advance(Duration.ofHours(10));
        assertThat(engine.sweepOnce().stepsFired()).isZero();
        assertThat(hub.clock(ticket.key(), "resolution")).containsEntry("state", "stopped").containsEntry("outcome", "met");
        assertThat(hub.clock(ticket.key(), "first_response")).containsEntry("outcome", "cancelled");
        assertThat(hub.events(ticket.key(), "sla_met")).singleElement().asString()
                .startsWith("resolution met after 20m of 8h: the ticket is solved");
    }

    static Instant at(String utcTime) {
        return Instant.parse("2026-03-02T" + utcTime + ":00Z");
    }

    static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }
}
