package io.supporthub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.MailReceipt;
import io.supporthub.mail.auth.SenderVerdict;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.CustomerTier;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketSource;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketStatus;
import io.supporthub.ticket.Tier;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

    @Test
    void an_unhappy_customers_new_ticket_gets_a_slack_alert_even_at_normal_priority() {
        NotificationPolicy policy = new NotificationPolicy(false, true);

        assertThat(policy.forNewTicket(ticket(Priority.P3, "negative"), draft())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(NotificationKind.SLACK_ALERT);
            assertThat(r.payload()).containsEntry("alert_reason", "negative sentiment");
        });
        assertThat(policy.forNewTicket(ticket(Priority.P3, "neutral"), draft())).isEmpty();
        assertThat(NotificationPolicy.alertReason(ticket(Priority.P1, "negative"))).as("the more urgent reason leads").isEqualTo("critical priority");
    }

    @Test
    void the_acknowledgement_of_mail_only_claiming_the_address_draws_on_an_allowance_of_its_own() {
        NotificationPolicy policy = new NotificationPolicy(true, false);

        assertThat(policy.forNewTicket(ticket(Priority.P3, "neutral"), mailDraft(SenderVerdict.Result.FAIL, false))).singleElement()
                .satisfies(r -> assertThat(allowance(r)).isEqualTo(MailAllowance.UNAUTHENTICATED_ACKNOWLEDGEMENT));
        assertThat(policy.forNewTicket(ticket(Priority.P3, "neutral"), mailDraft(SenderVerdict.Result.PASS, true))).singleElement()
                .satisfies(r -> assertThat(allowance(r)).isEqualTo(MailAllowance.ACKNOWLEDGEMENT));
        assertThat(new Notification(1, 1L, NotificationKind.SATISFACTION_MAIL, "ann@example.com", java.util.Map.of(), 1).allowance())
                .isEqualTo(MailAllowance.REQUESTED);
    }

    @Test
    void a_held_mail_alerts_a_person_only_for_an_authenticated_vip_or_enterprise_customer() {
        NotificationPolicy policy = new NotificationPolicy(false, true);
        CustomerSnapshot vip = new CustomerSnapshot("ann@example.com", "Ann", "003", "001", "Acme", CustomerTier.VIP, null, null, null, "found");

        assertThat(policy.forHeldMail(mailDraft(SenderVerdict.Result.PASS, true).withCustomer(vip, event()), 7, "creation cap")).hasValueSatisfying(r -> {
            assertThat(r.dedupeKey()).isEqualTo("held:m-1@example.com");
            assertThat(r.payload()).containsEntry("audience", "manager").containsEntry("quarantine_id", 7L);
        });
        assertThat(policy.forHeldMail(mailDraft(SenderVerdict.Result.FAIL, false).withCustomer(vip, event()), 7, "creation cap")).isEmpty();
        assertThat(policy.forHeldMail(mailDraft(SenderVerdict.Result.PASS, true)
                .withCustomer(CustomerSnapshot.notFound("ann@example.com"), event()), 7, "creation cap")).isEmpty();
        assertThat(new NotificationPolicy(false, false).forHeldMail(mailDraft(SenderVerdict.Result.PASS, true).withCustomer(vip, event()), 7, "cap"))
                .as("Slack off").isEmpty();
    }

    private static MailAllowance allowance(NotificationRequest request) {
        return new Notification(1, 1L, request.kind(), request.recipient(), request.payload(), 1).allowance();
    }

    private static TicketDraft mailDraft(SenderVerdict.Result result, boolean trusted) {
        MailReceipt receipt = new MailReceipt("support@example.com", "m-1@example.com", "m-1@example.com", "0".repeat(64), 100, "support", 1L, 1L,
                new SenderVerdict(result, SenderVerdict.BY_AUTHENTICATION_RESULTS, "dmarc=" + result.code(), trusted));
        return TicketDraft.of(new IntakeRequest(TicketSource.message(receipt, "mailbox support@example.com", java.util.List.of()),
                "ann@example.com", "Ann", "Question", "text"));
    }

    private static TicketEvent event() {
        return TicketEvent.of("customer_enriched", "test", "test", java.util.Map.of());
    }

    private static Ticket ticket(Priority priority, String sentiment) {
        CustomerSnapshot customer = CustomerSnapshot.unknown("ann@example.com", "not_found");
        return new Ticket(1, "SH-1", "This is ridiculous", "text", TicketStatus.NEW, priority, "billing", Tier.T1, "billing", Channel.EMAIL,
                "ann@example.com", "Ann", customer, sentiment, "en", "simple", 0, Instant.now(), Instant.now(), null, null);
    }

    private static TicketDraft draft() {
        return TicketDraft.of(new IntakeRequest(Channel.API, "ann@example.com", "Ann", "This is ridiculous", "text"));
    }
}
