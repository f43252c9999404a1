package io.supporthub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaPolicySelectorTest {

    private final SlaPolicySelector defaults = SlaPolicyLoader.loadDefaults(CalendarCatalog.loadDefaults(null));

    @ParameterizedTest(name = "email {0}: first response {1}, resolution {2}")
    @CsvSource({"P1, PT15M, PT4H", "P2, PT30M, PT8H", "P3, PT1H, PT24H", "P4, PT4H, PT48H"})
    void shipped_email_matrix_matches_the_source_documents(String priority, String firstResponse, String resolution) {
        Map<SlaMetric, AppliedTarget> targets = defaults.select(SlaContext.of("email", priority, "standard"));

        assertThat(targets.get(SlaMetric.FIRST_RESPONSE).target()).isEqualTo(Duration.parse(firstResponse));
        assertThat(targets.get(SlaMetric.RESOLUTION).target()).isEqualTo(Duration.parse(resolution));
    }

    @Test
    void critical_tickets_run_on_the_24x7_calendar_and_others_on_office_hours() {
        assertThat(defaults.select(SlaContext.of("email", "critical", "standard")).get(SlaMetric.RESOLUTION).calendar())
                .isEqualTo("24x7");
        assertThat(defaults.select(SlaContext.of("email", "low", "standard")).get(SlaMetric.RESOLUTION).calendar())
                .isEqualTo("business");
    }

    @Test
    void vip_low_priority_email_gets_a_one_hour_first_response_but_keeps_the_matrix_resolution() {
        Map<SlaMetric, AppliedTarget> targets = defaults.select(SlaContext.of("email", "P4", "vip"));

        assertThat(targets.get(SlaMetric.FIRST_RESPONSE).target()).isEqualTo(Duration.ofHours(1));
        assertThat(targets.get(SlaMetric.FIRST_RESPONSE).policyId()).isEqualTo("vip-first-response");
        assertThat(targets.get(SlaMetric.RESOLUTION).target()).isEqualTo(Duration.ofHours(48));
        assertThat(targets.get(SlaMetric.RESOLUTION).policyId()).isEqualTo("email-p4");
    }

    @Test
    void vip_rule_never_loosens_a_tighter_matrix_target() {
        assertThat(defaults.select(SlaContext.of("email", "P1", "vip")).get(SlaMetric.FIRST_RESPONSE).target())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.select(SlaContext.of("chat", "P3", "vip")).get(SlaMetric.FIRST_RESPONSE).target())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void unknown_channel_falls_back_to_vip_one_hour_and_standard_two_hours() {
        assertThat(defaults.select(SlaContext.of("fax", "P3", "vip")).get(SlaMetric.FIRST_RESPONSE).target())
                .isEqualTo(Duration.ofHours(1));
        assertThat(defaults.select(SlaContext.of("fax", null, null)).get(SlaMetric.FIRST_RESPONSE).target())
                .isEqualTo(Duration.ofHours(2));
    }

    @ParameterizedTest(name = "support tier {0} answers each reply within {1}")
    @CsvSource({"T1, PT15M", "T2, PT1H", "T3, PT2H"})
    void support_tier_sets_the_next_reply_target(String tier, String nextReply) {
        SlaContext ticket = new SlaContext("email", "P3", "standard", tier, "billing");

        assertThat(defaults.select(ticket).get(SlaMetric.NEXT_REPLY).target()).isEqualTo(Duration.parse(nextReply));
    }

    @Test
    void shipped_policies_warn_at_50_75_and_90_percent_and_remind_at_150_and_200_percent() {
        assertThat(defaults.select(SlaContext.of("phone", "P2", "enterprise")).get(SlaMetric.FIRST_RESPONSE).warnings())
                .containsExactly(50, 75, 90, 150, 200);
    }

    @Test
    void category_condition_and_per_policy_warnings_are_honoured() {
        String yaml = """
                policies:
                  - id: security
                    when: {category: [security, outage]}
                    calendar: always
                    warnings: [25, 50, 100, 150]
                    targets: {first_response: PT10M}
                  - id: rest
                    calendar: always
                    targets: {first_response: 2h, resolution: 1h30m}
                """;
        SlaPolicySelector selector = SlaPolicyLoader.parse(yaml, "test.yaml", Set.of("always"));

        AppliedTarget security = selector.select(new SlaContext("email", "P3", "standard", null, "Security"))
                .get(SlaMetric.FIRST_RESPONSE);
        assertThat(security.target()).isEqualTo(Duration.ofMinutes(10));
        assertThat(security.warnings()).containsExactly(25, 50, 100, 150);
        assertThat(selector.select(SlaContext.of("email", "P3", null)).get(SlaMetric.RESOLUTION).target())
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void typo_in_a_target_is_rejected_naming_the_policy_field() {
        String yaml = "policies:\n  - id: a\n    calendar: c\n    targets: {first_respons: 1h}\n";

        assertThatThrownBy(() -> SlaPolicyLoader.parse(yaml, "p.yaml", Set.of("c")))
                .isInstanceOf(InvalidSlaInputException.class)
                .hasMessageContaining("policies[0].targets.first_respons")
                .hasMessageContaining("first_response, next_reply");
    }

    @Test
    void bad_duration_priority_and_calendar_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> SlaPolicyLoader.parse(
                "policies:\n  - {id: a, calendar: c, targets: {resolution: four hours}}\n", "p.yaml", Set.of("c")))
                .hasMessageContaining("policies[0].targets.resolution").hasMessageContaining("not a duration");
        assertThatThrownBy(() -> SlaPolicyLoader.parse(
                "policies:\n  - {id: a, calendar: c, when: {priority: P7}, targets: {resolution: 1h}}\n", "p.yaml", Set.of("c")))
                .hasMessageContaining("policies[0].when.priority").hasMessageContaining("P1..P4");
        assertThatThrownBy(() -> SlaPolicyLoader.parse(
                "policies:\n  - {id: a, calendar: nope, targets: {resolution: 1h}}\n", "p.yaml", Set.of("c")))
                .hasMessageContaining("policies[0].calendar").hasMessageContaining("'nope' is not defined");
        assertThatThrownBy(() -> SlaPolicyLoader.parse(
                "policies:\n  - {id: a, calendar: c, when: {tier: vip}, targets: {resolution: 1h}}\n", "p.yaml", Set.of("c")))
                .hasMessageContaining("policies[0].when.tier").hasMessageContaining("unknown field");
    }

    @Test
    void duplicate_policy_ids_and_broken_yaml_are_rejected() {
        assertThatThrownBy(() -> SlaPolicyLoader.parse(
                "policies:\n  - {id: a, calendar: c, targets: {resolution: 1h}}\n  - {id: a, calendar: c, targets: {resolution: 2h}}\n",
                "p.yaml", Set.of("c")))
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> SlaPolicyLoader.parse("policies: [\n", "p.yaml", Set.of("c")))
                .hasMessageContaining("p.yaml").hasMessageContaining("not valid YAML");
    }
}
