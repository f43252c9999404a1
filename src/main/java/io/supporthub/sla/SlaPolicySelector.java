package io.supporthub.sla;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a ticket's SLA targets from ordered policies: for each metric, the first matching policy
 * that defines that metric wins. So a narrow row (VIP first response) can sit above the general
 * matrix and override just the metric it names.
 */
public final class SlaPolicySelector {

    private final List<SlaPolicy> policies;

    public SlaPolicySelector(List<SlaPolicy> policies) {
        if (policies == null || policies.isEmpty()) {
            throw new IllegalArgumentException("no SLA policies given");
        }
        Set<String> ids = new HashSet<>();
        for (SlaPolicy policy : policies) {
            if (!ids.add(policy.id())) {
                throw new IllegalArgumentException("SLA policy id '" + policy.id() + "' is used twice");
            }
        }
        this.policies = List.copyOf(policies);
    }

    public List<SlaPolicy> policies() {
        return policies;
    }

    /** Targets per metric for this ticket; a metric no matching policy defines is absent (no clock). */
    public Map<SlaMetric, AppliedTarget> select(SlaContext ticket) {
        Map<SlaMetric, AppliedTarget> chosen = new EnumMap<>(SlaMetric.class);
        for (SlaPolicy policy : policies) {
            if (!policy.conditions().matches(ticket)) {
                continue;
            }
            policy.targets().asMap().forEach((metric, target) -> chosen.putIfAbsent(metric,
                    new AppliedTarget(metric, target, policy.id(), policy.calendar(), policy.warnings())));
            if (chosen.size() == SlaMetric.values().length) {
                break;
            }
        }
        return Collections.unmodifiableMap(chosen);
    }

    public Optional<AppliedTarget> select(SlaContext ticket, SlaMetric metric) {
        return Optional.ofNullable(select(ticket).get(metric));
    }
}
