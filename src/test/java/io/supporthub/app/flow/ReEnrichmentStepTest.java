package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.mailbox.MailboxSettings;
import io.supporthub.connector.spi.Secret;
import io.supporthub.intake.ReEnrichmentJob;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Tier;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A ticket routed again once the CRM answers is placed by the same defaults its mailbox gave it on intake. */
class ReEnrichmentStepTest {

    static final MailboxSettings BILLING = new MailboxSettings("billing", "imaps", "imap.example.com", 993, "billing", Secret.of("x"), "INBOX",
            Duration.ofSeconds(10), 500, "billing@example.com", null, "billing", "billing", 4, Duration.ofSeconds(60), SenderPolicy.defaults());

    @Test
    void a_ticket_a_mailbox_opened_gets_that_mailboxs_queue_and_category_hint_again() {
        ReEnrichmentStep step = new ReEnrichmentStep(null, ticketId -> ticketId == 7 ? Optional.of(BILLING) : Optional.empty());
        Map<String, Object> headers = new HashMap<>();
        step.draft(job(7), headers);
        assertThat(headers).containsEntry("hubMailboxQueue", "billing").containsEntry("hubCategoryHint", "billing")
                .containsEntry("hubMailboxAddress", "billing@example.com");

        Map<String, Object> other = new HashMap<>();
        step.draft(job(8), other);
        assertThat(other).isEmpty();
    }

    private static ReEnrichmentJob job(long ticketId) {
        return new ReEnrichmentJob(ticketId, "SH-" + ticketId, Channel.EMAIL, "ann@example.com", "Ann", "A question", "About my statement",
                Priority.P4, Tier.T1, "billing", 1);
    }
}
