package io.supporthub.sla;

import java.time.Duration;
import java.util.List;

/** The target a ticket got for one metric, and the policy that supplied it (the reason for the timeline). */
public record AppliedTarget(SlaMetric metric, Duration target, String policyId, String calendar, List<Integer> warnings) {
}
