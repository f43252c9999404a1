package io.supporthub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.MailReceipt;
import io.supporthub.mail.auth.SenderVerdict;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerTier;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A requester whose mail is not authenticated gets nothing of the CRM's answer; one the CRM knows is flagged for review. */
class RequesterTrustTest {

    static final CustomerSnapshot AVA = new CustomerSnapshot("ava@acme.example", "Ava Martin", "003", "001", "Acme", CustomerTier.VIP, null,
            "Green", "Olivia Owens", "found");
    final RequesterTrust trust = new RequesterTrust();

    @Test
    void an_unauthenticated_mail_claiming_a_crm_customer_gets_no_tier_and_is_flagged_for_review() {
        TicketDraft restricted = trust.apply(enriched(mail(false), AVA));

        assertThat(restricted.customer().tier()).isEqualTo(CustomerTier.UNKNOWN);
        assertThat(restricted.customer().lookup()).isEqualTo(RequesterTrust.NOT_APPLIED);
        assertThat(restricted.customer().email()).as("not tied to the CRM's customer").isNull();
        assertThat(restricted.customer().needsReEnrichment()).isFalse();
        assertThat(restricted.reviewFlag()).contains(RequesterTrust.UNVERIFIED_SENDER);
        assertThat(restricted.events()).extracting(TicketEvent::type).endsWith("customer_not_applied", TicketDraft.FLAGGED_FOR_REVIEW);
        assertThat(restricted.events().get(restricted.events().size() - 2).reason())
                .contains("the CRM knows ava@acme.example (tier vip at Acme)", "not authenticated");
    }

    @Test
    void an_unauthenticated_mail_from_an_address_the_crm_does_not_know_is_restricted_but_not_flagged() {
        TicketDraft restricted = trust.apply(enriched(mail(false), CustomerSnapshot.notFound("ava@acme.example")));

        assertThat(restricted.customer().lookup()).isEqualTo(RequesterTrust.NOT_APPLIED);
        assertThat(restricted.reviewFlag()).isEmpty();
    }

    @Test
    void an_authenticated_mail_and_an_api_request_keep_what_the_crm_said() {
        TicketDraft authenticated = enriched(mail(true), AVA);
        TicketDraft api = enriched(new IntakeRequest(Channel.API, "ava@acme.example", "Ava", "Question", "text"), AVA);

        assertThat(trust.apply(authenticated)).isSameAs(authenticated);
        assertThat(trust.apply(api)).isSameAs(api);
    }

    static IntakeRequest mail(boolean trusted) {
        SenderVerdict verdict = trusted ? new SenderVerdict(SenderVerdict.Result.PASS, SenderVerdict.BY_DKIM, "DKIM signature verifies", true)
                : new SenderVerdict(SenderVerdict.Result.FAIL, SenderVerdict.BY_AUTHENTICATION_RESULTS, "dmarc=fail", false);
        MailReceipt receipt = new MailReceipt("support@hub.test", "m@x", "m@x", "0".repeat(64), 10, "support", 1L, 1L, verdict);
        return new IntakeRequest(TicketSource.message(receipt, "mailbox support@hub.test", List.of()), "ava@acme.example", "Ava", "Question", "text");
    }

    static TicketDraft enriched(IntakeRequest request, CustomerSnapshot customer) {
        return TicketDraft.of(request).withCustomer(customer, TicketEvent.of("customer_enriched", "crm", "found", Map.of()));
    }
}
