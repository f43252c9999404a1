package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.app.HubApplication;
import io.supporthub.app.flow.RouteVocabulary.Kind;
import io.supporthub.app.flow.RouteVocabulary.Use;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bean the production routes call is one the hub really binds: the hub is booted as the other app tests boot it
 * (a mailbox configured, so its per-mailbox beans exist too) and each {@code ref}, {@code #name} and {@code bean:} of
 * routes/*.camel.yaml is looked up in its registry. The sandbox's own route (routes/sandbox) is booted by SandboxIT.
 */
class RouteBeansIT {

    private static HubApplication hub;

    @BeforeAll
    static void boot() throws Exception {
        hub = new HubUnderTest().mailbox(FreePort.next(), "support@hub.test", "secret").start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void every_bean_a_route_calls_is_bound() throws Exception {
        List<String> used = new java.util.ArrayList<>();
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList()) {
                used.addAll(beans(file.getFileName().toString(), Files.readString(file)));
            }
        }

        assertThat(used).contains("notificationStep", "slaSweepStep", "smtpProperties", "mailIntakeThreads-{{mailbox}}");
        assertThat(unbound(hub.camelContext(), used)).isEmpty();
    }

    @Test
    void a_made_up_bean_fails() {
        List<String> used = beans("made-up.camel.yaml", """
                - route:
                    from:
                      uri: timer:made-up
                      steps:
                        - bean: { ref: noSuchStep, method: run }
                        - filter:
                            method: { ref: notificationStep, method: due }
                        - to: "bean:noSuchBean?method=go"
                        - enrich:
                            constant: direct:x
                            aggregationStrategy: "#noSuchStrategy"
                        - split:
                            simple: "${body}"
                            executorService: "#noSuchThreads-{{mailbox}}"
                """);

        assertThat(unbound(hub.camelContext(), used)).containsExactly("noSuchBean", "noSuchStep", "noSuchStrategy", "noSuchThreads-{{mailbox}}");
    }

    /**
     * The names nothing is bound under. A name with a placeholder ({@code mailIntakeThreads-{{mailbox}}}, one per
     * mailbox) needs at least one bound name that fits it.
     */
    static Set<String> unbound(CamelContext context, List<String> names) {
        Set<String> bound = context.getRegistry().findByTypeWithName(Object.class).keySet();
        Set<String> missing = new TreeSet<>();
        for (String name : names) {
            boolean found = name.contains("{{")
                    ? bound.stream().anyMatch(placeholderPattern(name).asMatchPredicate())
                    : context.getRegistry().lookupByName(name) != null;
            if (!found) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static Pattern placeholderPattern(String name) {
        return Pattern.compile(Stream.of(name.split("\\{\\{[^}]*}}", -1)).map(Pattern::quote).collect(Collectors.joining(".+")));
    }

    private static List<String> beans(String source, String yaml) {
        return RouteVocabulary.of(source, yaml).stream().filter(u -> u.kind() == Kind.BEAN).map(Use::name).toList();
    }
}
