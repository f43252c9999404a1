package io.supporthub.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Reads ordered SLA policies from YAML (see policies/sla-policies.yaml for the format), rejecting typos by path. */
public final class SlaPolicyLoader {

    public static final String DEFAULT_RESOURCE = "policies/sla-policies.yaml";
    /** Used when neither a policy nor the file's defaults name percentages; 100 % is the due instant itself. */
    public static final List<Integer> DEFAULT_WARNINGS = List.of(50, 75, 90);

    private static final Set<String> POLICY_FIELDS = Set.of("id", "description", "when", "calendar", "targets", "warnings");
    private static final Set<String> CONDITION_FIELDS = Set.of("channel", "priority", "customer_tier", "support_tier", "category");

    private SlaPolicyLoader() {
    }

    /** The policies shipped with the hub, checked against the calendars they name. */
    public static SlaPolicySelector loadDefaults(CalendarCatalog calendars) {
        return parse(YamlSource.classpathText(DEFAULT_RESOURCE), DEFAULT_RESOURCE, calendars.names());
    }

    public static SlaPolicySelector parse(String yamlText, String sourceName, Set<String> knownCalendars) {
        InputNode root = YamlSource.parse(yamlText, sourceName);
        root.onlyFields(Set.of("defaults", "policies"));
        InputNode defaults = root.get("defaults");
        String defaultCalendar = null;
        List<Integer> defaultWarnings = DEFAULT_WARNINGS;
        if (!defaults.isMissing()) {
            defaults.onlyFields(Set.of("calendar", "warnings"));
            defaultCalendar = defaults.get("calendar").isMissing() ? null : defaults.get("calendar").text();
            defaultWarnings = defaults.get("warnings").isMissing() ? DEFAULT_WARNINGS : percentages(defaults.get("warnings"));
        }
        List<SlaPolicy> policies = new ArrayList<>();
        for (InputNode node : root.get("policies").items()) {
            policies.add(policy(node, defaultCalendar, defaultWarnings, knownCalendars));
        }
        return root.get("policies").read(n -> new SlaPolicySelector(policies));
    }

    private static SlaPolicy policy(InputNode node, String defaultCalendar, List<Integer> defaultWarnings,
                                    Set<String> knownCalendars) {
        node.onlyFields(POLICY_FIELDS);
        String id = node.get("id").text();
        InputNode calendarNode = node.get("calendar");
        String calendar = calendarNode.isMissing() && defaultCalendar != null ? defaultCalendar : calendarNode.text();
        if (knownCalendars != null && !knownCalendars.contains(calendar)) {
            throw calendarNode.error("calendar '" + calendar + "' is not defined; known: " + knownCalendars);
        }
        InputNode warningsNode = node.get("warnings");
        List<Integer> warnings = warningsNode.isMissing() ? defaultWarnings : percentages(warningsNode);
        SlaConditions conditions = node.get("when").isMissing() ? SlaConditions.ANY : conditions(node.get("when"));
        return node.read(n -> new SlaPolicy(id, conditions, calendar, targets(node.get("targets")), warnings));
    }

    private static SlaConditions conditions(InputNode when) {
        Map<String, InputNode> fields = when.entries(CONDITION_FIELDS);
        return new SlaConditions(
                values(fields.get("channel"), v -> v.toLowerCase(java.util.Locale.ROOT)),
                values(fields.get("priority"), SlaConditions::priority),
                values(fields.get("customer_tier"), SlaConditions::customerTier),
                values(fields.get("support_tier"), v -> v.toUpperCase(java.util.Locale.ROOT)),
                values(fields.get("category"), v -> v.toLowerCase(java.util.Locale.ROOT)));
    }

    private static Set<String> values(InputNode node, UnaryOperator<String> normalize) {
        if (node == null) {
            return Set.of();
        }
        return node.read(n -> {
            Set<String> result = new LinkedHashSet<>();
            n.texts().forEach(v -> result.add(normalize.apply(v)));
            return result;
        });
    }

    static SlaTargets targets(InputNode node) {
        Map<SlaMetric, Duration> targets = new EnumMap<>(SlaMetric.class);
        node.entries(null).forEach((key, value) -> {
            SlaMetric metric = value.read(v -> SlaMetric.fromKey(key));
            targets.put(metric, value.duration());
        });
        return node.read(n -> SlaTargets.of(targets));
    }

    static List<Integer> percentages(InputNode node) {
        List<Integer> result = new ArrayList<>();
        for (InputNode item : node.items()) {
            int p = item.integer();
            if (p <= 0 || p > DueTimeCalculator.MAX_PERCENTAGE) {
                throw item.error(p + " is outside 1.." + DueTimeCalculator.MAX_PERCENTAGE);
            }
            result.add(p);
        }
        if (result.isEmpty()) {
            throw node.error("is empty; give percentages like [50, 75, 90]");
        }
        return result;
    }
}
