package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Each route takes the error policy of _error-handling.camel.yaml that fits who waits for it: background consumers
 * (quartz, timer, seda) take background-errors, and caller-decides serves direct: sub-routes only.
 */
class ErrorPolicyTest {

    static final String BACKGROUND = "background-errors";
    static final String CALLER_DECIDES = "caller-decides";
    static final Set<String> BACKGROUND_SCHEMES = Set.of("quartz", "timer", "seda", "scheduler", "cron");

    record RouteEntry(String file, String id, String policy, String from) {

        String scheme() {
            return from == null ? "" : from.split(":", 2)[0];
        }
    }

    @Test
    void every_background_consumer_takes_the_background_policy() {
        List<String> wrong = routes().stream().filter(r -> BACKGROUND_SCHEMES.contains(r.scheme()) && !BACKGROUND.equals(r.policy()))
                .map(RouteEntry::toString).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void caller_decides_only_serves_direct_sub_routes() {
        List<String> wrong = routes().stream().filter(r -> CALLER_DECIDES.equals(r.policy()) && !"direct".equals(r.scheme()))
                .map(RouteEntry::toString).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_production_route_names_a_policy_that_exists() {
        Set<String> policies = policies();
        assertThat(policies).contains(BACKGROUND, CALLER_DECIDES);
        List<String> wrong = routes().stream().filter(r -> !r.file().startsWith("sandbox"))
                .filter(r -> r.policy() == null || !policies.contains(r.policy())).map(RouteEntry::toString).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void no_route_catches_errors_itself() {
        List<String> catching = new ArrayList<>();
        for (Path file : files()) {
            Set<String> keys = names(items(file));
            // a doFinally is no better: what must be released whatever happens is bound to the exchange (ReleasedWithExchange)
            if (keys.contains("doCatch") || keys.contains("doTry")) {
                catching.add(file.getFileName().toString());
            }
        }
        assertThat(catching).isEmpty();
    }

    /**
     * A split whose aggregation strategy takes each part's error (a mail kept with its error in its batch) must not sit in
     * a route whose policy handles errors: the policy would handle the part's error before the strategy saw it.
     */
    @Test
    void a_split_that_collects_its_parts_errors_lives_in_a_sub_route_that_hands_errors_on() {
        List<String> wrong = new ArrayList<>();
        for (Path file : files()) {
            for (Object item : items(file)) {
                Map<?, ?> entry = (Map<?, ?>) item;
                Object route = entry.get("route") instanceof Map<?, ?> r ? r
                        : entry.get("routeTemplate") instanceof Map<?, ?> t ? t.get("route") : null;
                if (route instanceof Map<?, ?> body && collectsSplitErrors(body) && !CALLER_DECIDES.equals(body.get("routeConfigurationId"))) {
                    wrong.add(file.getFileName() + " " + body.get("from"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean collectsSplitErrors(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("split") instanceof Map<?, ?> split && split.containsKey("aggregationStrategy")) {
                return true;
            }
            return map.values().stream().anyMatch(ErrorPolicyTest::collectsSplitErrors);
        }
        return node instanceof List<?> list && list.stream().anyMatch(ErrorPolicyTest::collectsSplitErrors);
    }

    /** Every key in a parsed YAML tree. */
    private static Set<String> names(Object node) {
        Set<String> keys = new TreeSet<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                keys.addAll(names(v));
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> keys.addAll(names(item)));
        }
        return keys;
    }

    static List<RouteEntry> routes() {
        List<RouteEntry> routes = new ArrayList<>();
        for (Path file : files()) {
            for (Object item : items(file)) {
                Map<?, ?> entry = (Map<?, ?>) item;
                if (entry.get("route") instanceof Map<?, ?> route) {
                    routes.add(entry(file, route, String.valueOf(route.get("id"))));
                } else if (entry.get("routeTemplate") instanceof Map<?, ?> template && template.get("route") instanceof Map<?, ?> route) {
                    routes.add(entry(file, route, String.valueOf(template.get("id"))));
                }
            }
        }
        return routes;
    }

    private static RouteEntry entry(Path file, Map<?, ?> route, String id) {
        Object from = route.get("from") instanceof Map<?, ?> f ? f.get("uri") : null;
        return new RouteEntry(ExchangeVocabularyTest.ROUTES.relativize(file).toString(), id, (String) route.get("routeConfigurationId"),
                from == null ? null : from.toString());
    }

    static Set<String> policies() {
        Set<String> ids = new TreeSet<>();
        for (Path file : files()) {
            for (Object item : items(file)) {
                if (((Map<?, ?>) item).get("routeConfiguration") instanceof Map<?, ?> configuration) {
                    ids.add(String.valueOf(configuration.get("id")));
                }
            }
        }
        return ids;
    }

    private static List<?> items(Path file) {
        try {
            Object yaml = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(Files.readString(file));
            return yaml instanceof List<?> list ? list : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> files() {
        try (Stream<Path> files = Files.walk(ExchangeVocabularyTest.ROUTES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
