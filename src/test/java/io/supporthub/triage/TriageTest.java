package io.supporthub.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.ticket.Channel;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerTier;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.Priority;
import org.junit.jupiter.api.Test;

class TriageTest {

    private final Triage triage = new Triage(TriageRules::defaults, null);

    @Test
    void a_vip_reporting_a_system_wide_outage_is_a_p1_emergency() {
        TriageResult result = classify(CustomerTier.VIP, "Production is down", "Urgent: the app is down for all users.");
        assertThat(result.classification().category()).isEqualTo("outage");
        assertThat(result.classification().priority()).isEqualTo(Priority.P1);
        assertThat(result.emergency()).isTrue();
        assertThat(result.reasons()).extracting(e -> e.reason()).anyMatch(r -> r.contains("rule service-outage matched \"is down\""));
    }

    @Test
    void a_security_breach_from_a_standard_customer_is_an_emergency_of_at_least_p2() {
        TriageResult result = classify(CustomerTier.STANDARD, "Account hacked", "I think my account was compromised, urgent!");
        assertThat(result.classification().category()).isEqualTo("security");
        assertThat(result.emergency()).isTrue();
        assertThat(result.classification().priority()).isEqualTo(Priority.P2);
    }

    @Test
    void an_outage_reported_without_urgent_words_is_still_an_emergency_of_at_least_p2() {
        TriageResult result = classify(CustomerTier.STANDARD, "Our shop", "Our shop went down an hour ago.");
        assertThat(result.classification().category()).isEqualTo("outage");
        assertThat(result.emergency()).isTrue();
        assertThat(result.classification().priority()).isEqualTo(Priority.P2);
        assertThat(result.reasons()).extracting(e -> e.reason()).anyMatch(r -> r.contains("× urgency high (emergency)"));
    }

    @Test
    void data_loss_is_an_emergency_whatever_the_category() {
        assertThat(classify(CustomerTier.STANDARD, "Sync problem", "After the update we had data loss in our projects").emergency()).isTrue();
    }

    @Test
    void a_refund_above_the_limit_is_flagged_with_its_amount() {
        TriageResult result = classify(CustomerTier.STANDARD, "Refund please", "I want a refund of €1.250,00 for the annual plan");
        assertThat(result.classification().category()).isEqualTo("refund");
        assertThat(result.refundOverLimit()).isTrue();
        assertThat(result.refundAmount()).isEqualByComparingTo("1250.00");
        assertThat(result.refundCurrency()).isEqualTo("EUR");
    }

    @Test
    void a_small_refund_is_not_flagged() {
        assertThat(classify(CustomerTier.STANDARD, "Refund", "Please refund the $49 charge").refundOverLimit()).isFalse();
    }

    @Test
    void api_problems_are_complex_and_phrases_match_whole_words_only() {
        assertThat(classify(CustomerTier.STANDARD, "Webhook errors", "Our API integration returns 500").complexTechnical()).isTrue();
        assertThat(classify(CustomerTier.STANDARD, "Rapid question", "How do I change my avatar?").complexTechnical()).isFalse();
    }

    @Test
    void a_plain_question_from_an_unknown_sender_is_low_priority_and_general_without_a_rule() {
        TriageResult result = classify(CustomerTier.UNKNOWN, "Hello", "Just wanted to say hi");
        assertThat(result.classification().category()).isEqualTo("general");
        assertThat(result.classification().priority()).isEqualTo(Priority.P4);
        assertThat(result.reasons().get(0).reason()).contains("no category rule matched");
    }

    @Test
    void the_impact_urgency_matrix_is_symmetric_and_bounded() {
        assertThat(PriorityMatrix.priority(PriorityMatrix.Level.HIGH, PriorityMatrix.Level.HIGH)).isEqualTo(Priority.P1);
        assertThat(PriorityMatrix.priority(PriorityMatrix.Level.HIGH, PriorityMatrix.Level.MEDIUM)).isEqualTo(Priority.P2);
        assertThat(PriorityMatrix.priority(PriorityMatrix.Level.MEDIUM, PriorityMatrix.Level.HIGH)).isEqualTo(Priority.P2);
        assertThat(PriorityMatrix.priority(PriorityMatrix.Level.LOW, PriorityMatrix.Level.HIGH)).isEqualTo(Priority.P3);
        assertThat(PriorityMatrix.priority(PriorityMatrix.Level.LOW, PriorityMatrix.Level.LOW)).isEqualTo(Priority.P4);
    }

    private TriageResult classify(CustomerTier tier, String subject, String body) {
        IntakeRequest request = new IntakeRequest(Channel.EMAIL, "someone@example.com", null, subject, body);
        CustomerSnapshot customer = new CustomerSnapshot("someone@example.com", null, null, null, null, tier, null, null, null, "found");
        return triage.classify(request, customer);
    }
}
