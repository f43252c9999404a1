package io.supporthub.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.intake.ReplyIntake;
import io.supporthub.sla.lifecycle.ChangeRejected;
import io.supporthub.testing.Rows;
import io.supporthub.ticket.CustomerTier;
import io.supporthub.mail.MailReceipt;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shipped escalation ladder and lifecycle automations (policies/escalations.yaml), with a moved clock. */
class EscalationLadderTest {

    final SlaEngineFixture hub = new SlaEngineFixture(shipped());
    final SlaSweep engine = hub.engine(100);

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void an_unresolved_t1_ticket_moves_to_t2_after_two_hours_and_to_t3_after_another_day() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1);
        hub.advance(Duration.ofMinutes(110));
        hub.changes.comment(ticket.key(), null, true, "agent", "Looking into it.", "agent");
        hub.advance(Duration.ofMinutes(5));
        customerReplies(ticket); // next reply: T1 answers within 30 m
        hub.advance(Duration.ofMinutes(5).minusMillis(1));
        engine.sweepOnce();
        assertThat(hub.ticket(ticket.key())).as("not a millisecond early").containsEntry("tier", "T1");

        hub.advance(Duration.ofMillis(1));
        engine.sweepOnce();

        assertThat(hub.ticket(ticket.key())).containsEntry("tier", "T2").containsEntry("queue", "escalated");
        assertThat(hub.events(ticket.key(), "escalated")).containsExactly(
                "unresolved 2h in T1 (rule t1-to-t2): T1/technical -> T2/escalated");
        // T2 answers within 1 h: the 5 m already waited count, so 55 m remain
        assertThat(hub.clock(ticket.key(), "next_reply")).containsEntry("policy_id", "tier2-reply")
                .containsEntry("due_at", Timestamp.from(hub.clock.instant().plus(Duration.ofMinutes(55))));
        assertThat(alertKinds(ticket)).contains("escalation");

        hub.advance(Duration.ofHours(24));
        engine.sweepOnce();
        assertThat(hub.ticket(ticket.key())).containsEntry("tier", "T3");
        assertThat(hub.events(ticket.key(), "escalated")).hasSize(2).last().asString().startsWith("unresolved 24h in T2 (rule t2-to-t3)");
    }

    @Test
    void managers_hear_of_a_ticket_open_a_day_and_the_executives_get_it_after_three_days() {
        Ticket ticket = hub.create(Priority.P4, CustomerTier.STANDARD, Tier.T3);
        hub.advance(Duration.ofHours(24));
        engine.sweepOnce();
        assertThat(hub.events(ticket.key(), "manager_notified")).containsExactly("still unresolved 24h after it was opened");
        assertThat(alertPayloads(ticket)).anySatisfy(p -> assertThat(p).contains("\"alert\": \"manager_notice\"", "\"audience\": \"manager\""));

        hub.advance(Duration.ofHours(48));
        engine.sweepOnce();
        assertThat(hub.ticket(ticket.key())).containsEntry("tier", "EXECUTIVE").containsEntry("queue", "executive");
        assertThat(hub.events(ticket.key(), "escalated")).singleElement().asString().startsWith("unresolved 72h since it was opened");
        assertThat(alertPayloads(ticket)).anySatisfy(p -> assertThat(p).contains("\"alert\": \"escalation\"", "\"audience\": \"executive\""));
    }

    @Test
    void a_vip_ticket_is_brought_to_the_managers_at_once() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.VIP, Tier.T2);

        assertThat(hub.events(ticket.key(), "manager_notified")).containsExactly("VIP customer's ticket opened: managers are told at once");
        assertThat(hub.alerts(ticket.key())).extracting(a -> a.get("dedupe_key")).containsExactly("manager:vip:" + ticket.key());
    }

    @Test
    void a_solved_ticket_escalates_no_more_and_asks_the_customer_for_a_rating_two_days_later() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1);
        hub.advance(Duration.ofHours(1));
        hub.changes.change(ticket.key(), hub.version(ticket.key()), "solved", null, "agent");
        hub.advance(Duration.ofHours(48).minusSeconds(1));
        engine.sweepOnce();
        assertThat(hub.ticket(ticket.key())).containsEntry("tier", "T1");
        assertThat(alertKinds(ticket)).isEmpty();

        hub.advance(Duration.ofSeconds(1));
        engine.sweepOnce();

        List<Map<String, Object>> mails = Rows.all(hub.dataSource, "select recipient, payload->>'survey_token' as token from notification "
                + "where kind = 'satisfaction_mail' and ticket_id = ?", ticket.id());
        assertThat(mails).singleElement().satisfies(m -> assertThat(m).containsEntry("recipient", "ann@example.com"));
        assertThat(hub.events(ticket.key(), "satisfaction_follow_up")).singleElement().asString()
                .isEqualTo("asked ann@example.com how it went, 48h after the solve");

        String token = (String) mails.get(0).get("token");
        hub.changes.rateBySurvey(token, 2);
        assertThat(hub.events(ticket.key(), "satisfaction_rated")).containsExactly("customer rated 2/5");
        assertThat(hub.events(ticket.key(), "manager_review_requested"))
                .containsExactly("satisfaction 2/5 is below 3: a manager reviews the ticket");
        assertThat(alertPayloads(ticket)).anySatisfy(p -> assertThat(p).contains("\"alert\": \"manager_review\""));
        assertThatThrownBy(() -> hub.changes.rateBySurvey(token, 5)).isInstanceOf(ChangeRejected.class)
                .hasMessageContaining("recorded already");
        assertThatThrownBy(() -> hub.changes.rateBySurvey("guessed-token", 5)).isInstanceOf(ChangeRejected.class);
    }

    @Test
    void a_ticket_waiting_on_the_customer_for_seven_days_is_closed_and_one_that_hears_back_is_not() {
        Ticket waiting = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T3);
        Ticket answered = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T3);
        hub.changes.change(waiting.key(), hub.version(waiting.key()), "pending_customer", null, "agent");
        hub.changes.change(answered.key(), hub.version(answered.key()), "pending_customer", null, "agent");
        hub.advance(Duration.ofDays(3));
        customerReplies(answered);

        hub.advance(Duration.ofDays(4));
        engine.sweepOnce();

        assertThat(hub.ticket(waiting.key())).containsEntry("status", "closed");
        assertThat(hub.events(waiting.key(), "status_changed")).last().asString().isEqualTo("waited on the customer for 168h: closed automatically");
        assertThat(hub.clock(waiting.key(), "resolution")).containsEntry("state", "stopped");
        assertThat(hub.ticket(answered.key())).containsEntry("status", "open");
    }

    @Test
    void a_threshold_changed_in_the_policy_file_moves_the_timers_already_pending() {
        Ticket ticket = hub.create(Priority.P3, CustomerTier.STANDARD, Tier.T1);
        engine.sweepOnce();
        hub.escalations(shipped().replace("after: 2h", "after: 1h"));
        hub.advance(Duration.ofHours(1));

        engine.sweepOnce();

        assertThat(hub.ticket(ticket.key())).containsEntry("tier", "T2");
        assertThat(hub.events(ticket.key(), "escalated")).singleElement().asString().startsWith("unresolved 1h in T1");
    }

    private List<String> alertKinds(Ticket ticket) {
        return Rows.all(hub.dataSource, "select payload->>'alert' as alert from notification where kind = 'slack_alert' and ticket_id = ? order by id",
                ticket.id()).stream().map(r -> (String) r.get("alert")).toList();
    }

    private List<String> alertPayloads(Ticket ticket) {
        return hub.alerts(ticket.key()).stream().map(a -> a.get("payload").toString()).toList();
    }

    private void customerReplies(Ticket ticket) {
        String id = UUID.randomUUID() + "@example.com";
        hub.replies.append(new MailReceipt("support@example.com", id, id, "1".repeat(64), 100), ticket.id(), "subject_key",
                "the subject names " + ticket.key(), new ReplyIntake.Reply("ann@example.com", "any news?", "any news?", null));
    }

    static String shipped() {
        try (InputStream in = EscalationLadderTest.class.getResourceAsStream("/policies/escalations.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
