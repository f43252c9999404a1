package io.supporthub.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.ticket.Channel;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.triage.model.SeedModel;
import org.junit.jupiter.api.Test;

/** The statistical layer: it decides only where no rule does, and says so with its score and runner-up. */
class TriageModelLayerTest {

    private static final Triage TRIAGE = new Triage(TriageRules::defaults, SeedModel.load(""));

    @Test
    void a_ticket_no_rule_places_gets_the_seed_models_category_with_score_and_runner_up() {
        TriageResult result = classify("Statement copy", "Could you send me the statement for last month again? Our accountant needs it.");
        assertThat(result.classification().category()).isEqualTo("billing");
        assertThat(result.reasons().get(0).reason()).startsWith("category billing: model label billing, score").contains("runner-up");
    }

    @Test
    void the_model_places_plain_wording_the_rules_do_not_know() {
        assertThat(classify("Still waiting", "My box never showed up, it has been three weeks since I ordered.").classification().category())
                .isEqualTo("shipping");
        assertThat(classify("Strange message", "Someone pretending to be your company asked me for my card details by email.")
                .classification().category()).isEqualTo("security");
    }

    @Test
    void a_matching_rule_wins_over_the_model() {
        TriageResult result = classify("Refund", "I want a refund for my order");
        assertThat(result.reasons().get(0).reason()).contains("rule refund-request");
    }

    private static TriageResult classify(String subject, String body) {
        return TRIAGE.classify(new IntakeRequest(Channel.EMAIL, "a@example.com", null, subject, body), CustomerSnapshot.notFound("a@example.com"));
    }
}
