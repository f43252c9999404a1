package io.supporthub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyYamlTest {

    @Test
    void yes_no_on_off_and_dates_stay_text_and_decimals_keep_their_digits() {
        Object parsed = PolicyYaml.parse("""
                phrases: [no, on, off, yes]
                holiday: 2025-12-25
                limit: 500.00
                count: 3
                """, "test.yaml");

        assertThat(parsed).isEqualTo(Map.of("phrases", List.of("no", "on", "off", "yes"), "holiday", "2025-12-25",
                "limit", new BigDecimal("500.00"), "count", 3));
    }

    @Test
    void a_key_given_twice_is_refused_with_the_source_named() {
        assertThatThrownBy(() -> PolicyYaml.parse("limit: 1\nlimit: 2\n", "policies/triage-rules.yaml"))
                .isInstanceOf(PolicyYaml.InvalidPolicyYamlException.class).hasMessageContaining("limit");
    }

    @Test
    void infinity_is_still_a_number() {
        assertThat(PolicyYaml.parse("x: .inf", "test.yaml")).isEqualTo(Map.of("x", Double.POSITIVE_INFINITY));
    }
}
