package io.supporthub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.ticket.Channel;
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

    private static Ticket ticket(Priority priority, String sentiment) {
        CustomerSnapshot customer = CustomerSnapshot.unknown("ann@example.com", "not_found");
        return new Ticket(1, "SH-1", "This is ridiculous", "text", TicketStatus.NEW, priority, "billing", Tier.T1, "billing", Channel.EMAIL,
                "ann@example.com", "Ann", customer, sentiment, "en", "simple", 0, Instant.now(), Instant.now(), null, null);
    }

    private static TicketDraft draft() {
        return TicketDraft.of(new IntakeRequest(Channel.API, "ann@example.com", "Ann", "This is ridiculous", "text"));
    }
}
