package io.supporthub.intake;

import io.supporthub.sla.lifecycle.IntakeHooks;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.mail.MailLedger;
import io.supporthub.notify.Notification;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
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
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.Tier;
import io.supporthub.ticket.attachment.AttachmentLimits;
import io.supporthub.ticket.attachment.AttachmentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-transaction creation against a real PostgreSQL: duplicates stopped by the database, the outbox claimed once. */
class TicketIntakeTest {

    static HikariDataSource dataSource;
    static TicketIntake intake;
    static NotificationStore notifications;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(8);
        Transactions transactions = new Transactions(dataSource);
        notifications = new NotificationStore(transactions);
        TicketStore tickets = new TicketStore(transactions, new CustomerStore(transactions));
        intake = new TicketIntake(transactions, tickets, io.supporthub.ticket.SourceLedgers.of(Channel.EMAIL, new io.supporthub.mail.MailSourceLedger(new MailLedger(transactions))), new io.supporthub.ticket.ExternalLinks(transactions), notifications,
                new NotificationPolicy(true, true), new AttachmentStore(tickets, AttachmentLimits.defaults()), IntakeHooks.NONE);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void the_same_mail_delivered_concurrently_creates_exactly_one_ticket() throws Exception {
        TicketDraft draft = draft("<race@example.com>", CustomerTier.STANDARD, Priority.P3);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<IntakeOutcome>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> intake.create(draft));
        }
        List<IntakeOutcome> outcomes = new ArrayList<>();
        for (Future<IntakeOutcome> f : pool.invokeAll(attempts)) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(IntakeOutcome::created).hasSize(1);
        assertThat(count("select count(*) from ticket where requester_email = 'ann@example.com' and subject = 'Subject <race@example.com>'")).isEqualTo(1);
    }

    @Test
    void a_vip_ticket_queues_one_acknowledgement_and_one_slack_alert_with_the_ticket() {
        IntakeOutcome outcome = intake.create(draft("<vip@example.com>", CustomerTier.VIP, Priority.P2));
        assertThat(outcome.notificationIds()).hasSize(2);
        assertThat(count("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.key = '" + outcome.ticket().key() + "'"))
                .as("received, customer_enriched, routed, and the mail's decision").isEqualTo(4);
        assertThat(count("select count(*) from mail_message where ticket_id = " + outcome.ticket().id())).isEqualTo(1);
    }

    @Test
    void a_notification_is_claimed_once_and_a_failed_one_comes_back_after_its_backoff() {
        IntakeOutcome outcome = intake.create(draft("<claim@example.com>", CustomerTier.STANDARD, Priority.P4));
        long id = outcome.notificationIds().get(0);
        Optional<Notification> first = notifications.claim(id);
        assertThat(first).isPresent();
        assertThat(notifications.claim(id)).as("a second claim while the first holds it").isEmpty();
        notifications.markFailed(id, "smtp down", 12);
        assertThat(notifications.claim(id)).as("not before the backoff").isEmpty();
        execute("update notification set next_attempt_at = now() - interval '1 second' where id = " + id);
        assertThat(notifications.due(100)).contains(id);
        Notification retry = notifications.claim(id).orElseThrow();
        assertThat(retry.attempts()).isEqualTo(2);
        notifications.markSent(retry, "acknowledgement mailed");
        assertThat(notifications.claim(id)).isEmpty();
        assertThat(count("select count(*) from ticket_event where type = 'notified' and ticket_id = " + outcome.ticket().id())).isEqualTo(1);
    }

    private static TicketDraft draft(String messageId, CustomerTier tier, Priority priority) {
        IntakeRequest request = new IntakeRequest(io.supporthub.ticket.TicketSource.message(
                new MailReceipt("support@example.com", messageId, messageId, "0".repeat(64), 100), "mailbox support@example.com", List.of()),
                "ann@example.com", "Ann", "Subject " + messageId, "body");
        CustomerSnapshot customer = new CustomerSnapshot("ann@example.com", "Ann", "003", "001", "Acme", tier, null, null, null, "found");
        return TicketDraft.of(request)
                .withCustomer(customer, TicketEvent.of("customer_enriched", "test", "found", Map.of()))
                .withClassification(new Classification("technical", priority, "normal", "neutral", "en"), List.of())
                .withRouting(new Routing(Tier.T1, "technical", "test"), TicketEvent.of("routed", "test", "routed", Map.of()));
    }

    private static long count(String sql) {
        return new Transactions(dataSource).read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void execute(String sql) {
        new Transactions(dataSource).inTransaction(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate(sql);
            }
        });
    }
}
