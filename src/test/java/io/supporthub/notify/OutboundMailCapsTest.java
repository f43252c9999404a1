package io.supporthub.notify;

import io.supporthub.sla.lifecycle.IntakeHooks;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.intake.IntakeOutcome;
import io.supporthub.intake.TicketIntake;
import io.supporthub.mail.MailLedger;
import io.supporthub.testing.MovableClock;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TestDatabase;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.Classification;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Routing;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.attachment.AttachmentLimits;
import io.supporthub.ticket.attachment.AttachmentStore;
import io.supporthub.ticket.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loop caps against a real PostgreSQL, with time moved by hand: each window slides, and a capped mail is kept with its reason. */
class OutboundMailCapsTest {

    static HikariDataSource dataSource;
    static TicketIntake intake;
    static NotificationStore notifications;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    static OutboundMailLog log;
    static final MailCaps CAPS = new MailCaps(3, Duration.ofHours(1), 5, Duration.ofDays(1));

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(4);
        Transactions transactions = new Transactions(dataSource);
        notifications = new NotificationStore(transactions);
        TicketStore tickets = new TicketStore(transactions, new io.supporthub.ticket.CustomerStore(transactions));
        intake = new TicketIntake(transactions, tickets, io.supporthub.ticket.SourceLedgers.of(Channel.EMAIL, new io.supporthub.mail.MailSourceLedger(new MailLedger(transactions))), new io.supporthub.ticket.ExternalLinks(transactions), notifications,
                new NotificationPolicy(true, false), new AttachmentStore(tickets, AttachmentLimits.defaults()), IntakeHooks.NONE);
        log = new OutboundMailLog(transactions, CLOCK);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void the_fourth_automatic_mail_on_a_ticket_within_an_hour_is_capped_and_an_hour_later_it_may_go() {
        IntakeOutcome ticket = ticket("per-ticket@example.com");
        long first = ticket.notificationIds().get(0);
        for (int attempt = 0; attempt < 3; attempt++) {
            // every retry of one notification renders a new Message-ID; the notification still counts once
            log.record("ack-" + attempt + "@hub.test", ticket.ticket().id(), first, "per-ticket@example.com", MailAllowance.ACKNOWLEDGEMENT);
        }
        assertThat(log.capExceeded(CAPS, ticket.ticket().id(), "per-ticket@example.com", MailAllowance.ACKNOWLEDGEMENT)).isEmpty();

        for (long extra : List.of(extraNotification(ticket), extraNotification(ticket))) {
            log.record("x" + extra + "@hub.test", ticket.ticket().id(), extra, "per-ticket@example.com", MailAllowance.ACKNOWLEDGEMENT);
        }
        assertThat(log.capExceeded(CAPS, ticket.ticket().id(), "per-ticket@example.com", MailAllowance.ACKNOWLEDGEMENT))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("per-ticket cap reached: 3 automatic mails"));

        CLOCK.advance(Duration.ofMinutes(61));
        assertThat(log.capExceeded(CAPS, ticket.ticket().id(), "per-ticket@example.com", MailAllowance.ACKNOWLEDGEMENT)).isEmpty();
    }

    @Test
    void acknowledgements_reaching_the_per_recipient_cap_use_up_neither_requested_mail_nor_the_other_kind_of_acknowledgement() {
        for (int i = 0; i < CAPS.perRecipient(); i++) {
            IntakeOutcome acknowledged = ticket("busy@example.com");
            log.record("busy-" + i + "@hub.test", acknowledged.ticket().id(), acknowledged.notificationIds().get(0), "busy@example.com",
                    MailAllowance.UNAUTHENTICATED_ACKNOWLEDGEMENT);
        }
        long next = ticket("busy@example.com").ticket().id();

        assertThat(log.capExceeded(CAPS, next, "busy@example.com", MailAllowance.UNAUTHENTICATED_ACKNOWLEDGEMENT))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("per-recipient cap reached: 5 automatic mails (acknowledgement-unauthenticated)"));
        assertThat(log.capExceeded(CAPS, next, "busy@example.com", MailAllowance.ACKNOWLEDGEMENT)).as("the customer's own mail").isEmpty();
        assertThat(log.capExceeded(CAPS, next, "busy@example.com", MailAllowance.REQUESTED)).as("a satisfaction follow-up").isEmpty();
    }

    @Test
    void a_capped_notification_is_kept_as_suppressed_with_its_reason_on_the_timeline() {
        IntakeOutcome ticket = ticket("suppressed@example.com");
        Notification claimed = notifications.claim(ticket.notificationIds().get(0)).orElseThrow();

        notifications.markSuppressed(claimed, "per-recipient cap reached: 5 automatic mails");

        assertThat(Rows.one(dataSource, "select state, last_error from notification where id = ?", claimed.id()))
                .containsEntry("state", "suppressed").containsEntry("last_error", "per-recipient cap reached: 5 automatic mails");
        assertThat(Rows.one(dataSource, "select actor, reason from ticket_event where ticket_id = ? and type = 'notification_suppressed'",
                claimed.ticketId())).containsEntry("actor", "loop-guard")
                .containsEntry("reason", "acknowledgement_mail to suppressed@example.com not sent: per-recipient cap reached: 5 automatic mails");
        assertThat(notifications.due(100)).doesNotContain(claimed.id());
    }

    @Test
    void a_notification_to_a_malformed_address_fails_at_once_with_the_reason_on_the_timeline() {
        IntakeOutcome ticket = ticket("malformed@example.com");
        Notification claimed = notifications.claim(ticket.notificationIds().get(0)).orElseThrow();

        notifications.markUndeliverable(claimed, "the address is malformed (AddressException: Domain contains control or whitespace)");

        assertThat(Rows.one(dataSource, "select state from notification where id = ?", claimed.id())).containsEntry("state", "failed");
        assertThat(Rows.one(dataSource, "select actor, reason from ticket_event where ticket_id = ? and type = 'notification_failed'",
                claimed.ticketId())).containsEntry("actor", "notify").containsEntry("reason", "acknowledgement_mail to malformed@example.com "
                + "cannot be sent: the address is malformed (AddressException: Domain contains control or whitespace)");
        assertThat(notifications.due(100)).doesNotContain(claimed.id());
    }

    private static IntakeOutcome ticket(String requester) {
        IntakeRequest request = new IntakeRequest(Channel.API, requester, null, "Question", "body");
        return intake.create(TicketDraft.of(request)
                .withClassification(new Classification("general", Priority.P4, "normal", "neutral", "en"), List.of())
                .withRouting(new Routing(Tier.T1, "general", "test"), io.supporthub.ticket.TicketEvent.of("routed", "test", "routed", java.util.Map.of())));
    }

    private static long extraNotification(IntakeOutcome ticket) {
        return ((Number) Rows.one(dataSource, "insert into notification (ticket_id, kind, recipient, dedupe_key) "
                + "values (?, 'acknowledgement_mail', 'per-ticket@example.com', gen_random_uuid()::text) returning id", ticket.ticket().id())
                .get("id")).longValue();
    }
}
