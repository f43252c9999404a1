package io.supporthub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    @Test
    void shipped_ladder_and_automations_follow_the_source_documents() {
        EscalationPolicy policy = EscalationPolicy.defaults();

        assertThat(policy.escalationFrom("T1")).hasValueSatisfying(r -> {
            assertThat(r.after()).isEqualTo(Duration.ofHours(2));
            assertThat(r.to()).isEqualTo("T2");
        });
        assertThat(policy.escalationFrom("T2").orElseThrow().after()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.escalationFrom("T3")).isEmpty();
        assertThat(policy.executive().orElseThrow().after()).isEqualTo(Duration.ofHours(72));
        assertThat(policy.managerNoticeAfter()).contains(Duration.ofHours(24));
        assertThat(policy.vipManagerNotice()).isTrue();
        assertThat(policy.satisfactionFollowUpAfter()).contains(Duration.ofHours(48));
        assertThat(policy.autoClosePendingAfter()).contains(Duration.ofDays(7));
        assertThat(policy.managerReviewBelow()).isEqualTo(3);
    }

    @Test
    void every_rule_can_be_turned_off() {
        EscalationPolicy off = EscalationPolicy.parse("""
                tier_escalations: []
                executive: off
                manager_notice: {open_after: off, vip: off}
                lifecycle: {satisfaction_follow_up_after: off, auto_close_pending_after: off, manager_review_below: off}
                """, "test");

        assertThat(off.tierEscalations()).isEmpty();
        assertThat(off.executive()).isEmpty();
        assertThat(off.managerNoticeAfter()).isEmpty();
        assertThat(off.vipManagerNotice()).isFalse();
        assertThat(off.satisfactionFollowUpAfter()).isEmpty();
        assertThat(off.managerReviewBelow()).isZero();
    }

    @Test
    void mistakes_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> EscalationPolicy.parse("tier_escalations:\n  - {from: T1, after: 2h, to: T9}\n", "x"))
                .isInstanceOf(InvalidSlaInputException.class).hasMessageStartingWith("tier_escalations[0].to: 'T9' is not a support tier");
        assertThatThrownBy(() -> EscalationPolicy.parse("lifecycle: {manager_review_below: 7}\n", "x"))
                .hasMessageStartingWith("lifecycle.manager_review_below: 7 is outside the rating scale");
        assertThatThrownBy(() -> EscalationPolicy.parse("manager_notice: {open_after: soon}\n", "x"))
                .hasMessageStartingWith("manager_notice.open_after: 'soon' is not a duration");
        assertThatThrownBy(() -> EscalationPolicy.parse("lifecycle: {auto_close_after: 7d}\n", "x"))
                .hasMessageContaining("lifecycle.auto_close_after: unknown field");
        assertThatThrownBy(() -> EscalationPolicy.parse("tier_escalations:\n  - {from: T1, after: 2h, to: T2}\n  - {from: T1, after: 3h, to: T3}\n", "x"))
                .hasMessageContaining("two rules escalate from T1");
    }
}
