package io.supporthub.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.intake.ReplyIntake;
import io.supporthub.sla.lifecycle.ChangeRejected;
import io.supporthub.ticket.CustomerTier;
import io.supporthub.mail.MailReceipt;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a ticket's lifecycle does to its clocks, with a moved clock: pause, resume, recompute, answer, solve, reopen. */
class ClockLifecycleTest {

    final SlaEngineFixture hub = new SlaEngineFixture();
    final SlaSweep engine = hub.engine(100);

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void pause_over_a_weekend_and_resume_shift_the_deadline_by_exactly_the_paused_business_time() {
        // Friday 6 March 2026, 14:00 in Berlin; standard policy: first response 4 h in office hours (Mon-Fri 09-17)
        hub.advanceTo(Instant.parse("2026-03-06T13:00:00Z"));
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1);
        assertThat(hub.dueAt(ticket.key(), "first_response")).as("Fri 14-17 then Mon 09-10").isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));

        hub.advanceTo(Instant.parse("2026-03-06T14:30:00Z")); // Fri 15:30 Berlin: 1 h 30 m used
        hub.changes.change(ticket.key(), hub.version(ticket.key()), "pending_customer", null, "agent");
        assertThat(hub.clock(ticket.key(), "first_response")).containsEntry("state", "paused").containsEntry("due_at", null)
                .containsEntry("elapsed_us", Duration.ofMinutes(90).toNanos() / 1000);

        hub.advanceTo(Instant.parse("2026-03-09T09:30:00Z")); // Monday 10:30 Berlin, past the old deadline
        assertThat(engine.sweepOnce().stepsFired()).as("a paused clock fires nothing").isZero();
        hub.changes.change(ticket.key(), hub.version(ticket.key()), "open", null, "agent");

        // paused: Fri 15:30-17:00 and Mon 09:00-10:30 = 3 h of business time; 10:00 + 3 h = 13:00 Berlin
        assertThat(hub.dueAt(ticket.key(), "first_response")).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
        assertThat(hub.events(ticket.key(), "sla_paused")).anySatisfy(r -> assertThat(r).startsWith(
                "first_response clock paused: the ticket is pending_customer: set by agent (new -> pending_customer); 1h 30m of 4h used"));
        assertThat(hub.events(ticket.key(), "sla_resumed")).anySatisfy(r -> assertThat(r).contains("due 2026-03-09T12:00:00Z"));

        hub.advanceTo(Instant.parse("2026-03-09T09:59:59Z"));
        assertThat(engine.sweepOnce().stepsFired()).isZero();
        hub.advanceTo(Instant.parse("2026-03-09T10:00:00Z")); // 11:00 Berlin: 30 m more = 2 h = 50 %
        assertThat(engine.sweepOnce().stepsFired()).isEqualTo(1);
        assertThat(hub.steps(ticket.key())).extracting(s -> s.get("metric") + " " + s.get("step") + " " + s.get("outcome"))
                .containsExactly("first_response 50 fired");
    }

    @Test
    void a_priority_change_keeps_the_business_time_already_used() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1); // Monday 10:00 Berlin, 4 h first response
        hub.advance(Duration.ofHours(1));

        hub.changes.change(ticket.key(), hub.version(ticket.key()), null, "P2", "agent");

        // high: 2 h in office hours; 1 h used, so 1 h from 11:00 Berlin
        assertThat(hub.dueAt(ticket.key(), "first_response")).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(hub.clock(ticket.key(), "first_response")).containsEntry("policy_id", "high");
        assertThat(hub.events(ticket.key(), "sla_recomputed")).anySatisfy(r -> assertThat(r).startsWith(
                "first_response recomputed: priority changed from P3 to P2; policy high sets 2h on calendar office, 1h already used"));
        assertThat(hub.events(ticket.key(), "priority_changed")).containsExactly("priority P3 -> P2 set by agent");

        SweepResult now = engine.sweepOnce();
        assertThat(now.stepsFired()).as("50 %% of the new 2 h was reached by the hour already used").isEqualTo(1);
        hub.advanceTo(Instant.parse("2026-03-02T10:30:00Z"));
        engine.sweepOnce();
        assertThat(hub.steps(ticket.key())).filteredOn(s -> s.get("metric").equals("first_response"))
                .extracting(s -> s.get("step") + " " + s.get("outcome")).containsExactly("50 fired", "75 fired");
    }

    @Test
    void raising_the_priority_past_a_used_up_target_alerts_once_for_the_latest_step() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1);
        hub.advance(Duration.ofHours(2)); // 2 h used; critical allows 1 h

        hub.changes.change(ticket.key(), hub.version(ticket.key()), null, "P1", "agent");
        engine.sweepOnce();

        assertThat(hub.steps(ticket.key())).filteredOn(s -> s.get("metric").equals("first_response"))
                .extracting(s -> s.get("step") + " " + s.get("outcome"))
                .containsExactlyInAnyOrder("50 skipped", "75 skipped", "90 skipped", "100 skipped", "150 fired");
        assertThat(hub.alerts(ticket.key())).filteredOn(a -> a.get("payload").toString().contains("\"metric\": \"first_response\""))
                .singleElement().satisfies(a -> assertThat(a.get("payload").toString()).contains("\"alert\": \"sla_reminder\""));
        assertThat(hub.clock(ticket.key(), "first_response").get("breached_at")).isNotNull();
        assertThat(hub.clock(ticket.key(), "periodic_update")).as("critical adds a periodic update clock from the change")
                .containsEntry("state", "running");
    }

    @Test
    void an_agent_reply_meets_first_response_and_a_customer_reply_starts_next_reply_until_the_agent_answers() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T2);
        hub.advance(Duration.ofMinutes(40));
        hub.changes.comment(ticket.key(), null, true, "agent.smith", "We are on it.", "agent.smith");
        assertThat(hub.clock(ticket.key(), "first_response")).containsEntry("state", "stopped").containsEntry("outcome", "met");
        assertThat(hub.ticket(ticket.key())).as("an agent's reply opens a new ticket").containsEntry("status", "open");
        assertThat(hub.events(ticket.key(), "sla_met")).containsExactly(
                "first_response met after 40m of 4h: answered by an agent's public reply (policy standard)");

        hub.advance(Duration.ofMinutes(5));
        customerReplies(ticket);
        assertThat(hub.clock(ticket.key(), "next_reply")).containsEntry("state", "running").containsEntry("policy_id", "tier2-reply")
                .containsEntry("due_at", java.sql.Timestamp.from(hub.clock.instant().plus(Duration.ofHours(1))));
        hub.advance(Duration.ofMinutes(10));
        customerReplies(ticket);
        assertThat(hub.clock(ticket.key(), "next_reply")).as("a second customer mail waits on the same clock").containsEntry("cycle", 1);

        hub.changes.comment(ticket.key(), null, false, "agent.smith", "Internal: checking logs", "agent.smith");
        assertThat(hub.clock(ticket.key(), "next_reply")).as("an internal note answers nobody").containsEntry("state", "running");
        hub.changes.comment(ticket.key(), null, true, "agent.smith", "Fixed.", "agent.smith");
        assertThat(hub.clock(ticket.key(), "next_reply")).containsEntry("state", "stopped").containsEntry("outcome", "met");

        customerReplies(ticket);
        assertThat(hub.clock(ticket.key(), "next_reply")).as("the next customer mail starts a new cycle")
                .containsEntry("cycle", 2).containsEntry("state", "running");
    }

    @Test
    void a_customer_mail_to_a_ticket_on_hold_starts_next_reply_paused_until_the_ticket_is_open_again() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T2);
        hub.changes.comment(ticket.key(), null, true, "agent", "Checking with engineering.", "agent");
        hub.changes.change(ticket.key(), hub.version(ticket.key()), "on_hold", null, "agent");

        customerReplies(ticket);
        assertThat(hub.ticket(ticket.key())).as("a reply does not take a ticket off hold").containsEntry("status", "on_hold");
        assertThat(hub.clock(ticket.key(), "next_reply")).containsEntry("state", "paused").containsEntry("due_at", null);

        hub.advance(Duration.ofHours(3));
        hub.changes.change(ticket.key(), hub.version(ticket.key()), "open", null, "agent");
        assertThat(hub.dueAt(ticket.key(), "next_reply")).isEqualTo(hub.clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void a_customer_reply_reopens_a_solved_ticket_and_resolution_runs_on_from_where_it_stopped() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1);
        hub.advance(Duration.ofHours(2));
        hub.changes.change(ticket.key(), hub.version(ticket.key()), "solved", null, "agent");
        assertThat(hub.clock(ticket.key(), "resolution")).containsEntry("state", "stopped").containsEntry("outcome", "met");

        hub.advance(Duration.ofDays(1)); // Tuesday 12:00 Berlin
        customerReplies(ticket);

        assertThat(hub.ticket(ticket.key())).containsEntry("status", "open");
        // 24 h office target, 2 h used on Monday: 22 h = Tue 12-17 (5) + Wed (8) + Thu (8) + Fri 09-10 (1)
        assertThat(hub.dueAt(ticket.key(), "resolution")).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
        assertThat(hub.events(ticket.key(), "sla_resumed")).singleElement().asString()
                .startsWith("resolution clock resumed: the ticket was reopened: the customer replied (solved -> open)");
    }

    @Test
    void a_change_made_against_an_old_version_is_refused_and_changes_nothing() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1);
        int read = hub.version(ticket.key());
        hub.changes.change(ticket.key(), read, "on_hold", null, "agent.a");

        assertThatThrownBy(() -> hub.changes.change(ticket.key(), read, null, "P1", "agent.b"))
                .isInstanceOfSatisfying(ChangeRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(ChangeRejected.Reason.CONFLICT);
                    assertThat(e.currentVersion()).isEqualTo(read + 1);
                });
        assertThat(hub.ticket(ticket.key())).containsEntry("priority", "P3").containsEntry("status", "on_hold");
    }

    private void customerReplies(Ticket ticket) {
        String id = UUID.randomUUID() + "@example.com";
        hub.replies.append(new MailReceipt("support@example.com", id, id, "1".repeat(64), 100), ticket.id(), "subject_key",
                "the subject names " + ticket.key(), new ReplyIntake.Reply("ann@example.com", "any news?", "any news?", null));
    }
}
