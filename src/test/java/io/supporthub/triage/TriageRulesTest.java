package io.supporthub.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The triage rules come through the hub's one policy YAML reader, shaped into the record as before. */
class TriageRulesTest {

    @Test
    void the_shipped_rules_read_as_written() {
        TriageRules rules = TriageRules.defaults();

        assertThat(rules.refundApprovalLimit()).isEqualByComparingTo("500");
        assertThat(rules.modelMinScore()).isEqualTo(0.15);
        assertThat(rules.emergencyCategories()).containsExactly("security", "outage");
        assertThat(rules.categories()).isNotEmpty();
    }

    @Test
    void a_decimal_limit_keeps_its_digits_and_a_phrase_like_no_stays_text() {
        TriageRules rules = TriageRules.parse(minimal("refundApprovalLimit: 499.50\n") + "complexPhrases: [no, on]\n", "test.yaml");

        assertThat(rules.refundApprovalLimit()).isEqualTo(new BigDecimal("499.50"));
        assertThat(rules.complexPhrases()).containsExactly("no", "on");
    }

    @Test
    void a_misspelt_key_is_refused_with_the_file_named() {
        assertThatThrownBy(() -> TriageRules.parse(minimal("refundAprovalLimit: 500\n"), "policies/triage-rules.yaml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policies/triage-rules.yaml").hasMessageContaining("refundAprovalLimit");
        assertThatThrownBy(() -> TriageRules.parse("", "empty.yaml")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.yaml");
    }

    private static String minimal(String extra) {
        return """
                categories: [{id: billing, result: billing, any: [invoice]}]
                urgency: []
                scope: []
                emergencyCategories: [security]
                emergencyPhrases: []
                modelMinScore: 0.2
                """ + extra;
    }
}
