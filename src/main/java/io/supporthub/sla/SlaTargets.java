package io.supporthub.sla;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Business-time targets per metric; a policy may set only some metrics and leave the rest to later policies. */
public final class SlaTargets {

    private final Map<SlaMetric, Duration> targets;

    private SlaTargets(Map<SlaMetric, Duration> targets) {
        this.targets = Collections.unmodifiableMap(targets);
    }

    public static SlaTargets of(Map<SlaMetric, Duration> targets) {
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("SLA targets are empty; give at least one of " + SlaMetric.keys());
        }
        EnumMap<SlaMetric, Duration> copy = new EnumMap<>(SlaMetric.class);
        targets.forEach((metric, target) -> {
            if (metric == null || target == null || target.isNegative()) {
                throw new IllegalArgumentException("SLA target " + metric + " = " + target + " is not a duration >= 0");
            }
            copy.put(metric, target);
        });
        return new SlaTargets(copy);
    }

    public Optional<Duration> target(SlaMetric metric) {
        return Optional.ofNullable(targets.get(metric));
    }

    public Map<SlaMetric, Duration> asMap() {
        return targets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaTargets other && targets.equals(other.targets);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        return targets.toString();
    }
}
