package io.supporthub.sla;

import java.util.List;

/**
 * One ordered policy row: when its conditions match a ticket, it supplies the targets it defines,
 * counted on the named business calendar, with warnings at the given percentages.
 */
public record SlaPolicy(String id, SlaConditions conditions, String calendar, SlaTargets targets,
                        List<Integer> warnings) {

    public SlaPolicy {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("SLA policy needs an id");
        }
        if (conditions == null || targets == null) {
            throw new IllegalArgumentException("SLA policy " + id + " needs conditions and targets");
        }
        if (calendar == null || calendar.isBlank()) {
            throw new IllegalArgumentException("SLA policy " + id + " needs a calendar");
        }
        warnings = List.copyOf(DueTimeCalculator.checkedPercentages(warnings));
    }
}
