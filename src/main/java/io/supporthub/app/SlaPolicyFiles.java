package io.supporthub.app;

import io.supporthub.sla.CalendarCatalog;
import io.supporthub.sla.EscalationPolicy;
import io.supporthub.sla.SlaPolicyBook;
import io.supporthub.sla.SlaPolicyLoader;
import io.supporthub.sla.SlaPolicySelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA policy files an admin may override in {@code hub.policies-dir} — sla-policies.yaml,
 * calendars.yaml, escalations.yaml — each re-read when it changes. Policies and calendars are
 * checked as a pair: an edit that names an unknown calendar is logged and the last good pair stays.
 */
final class SlaPolicyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SlaPolicyFiles.class);

    private SlaPolicyFiles() {
    }

    static Supplier<SlaPolicyBook> book(String policiesDir, ZoneId zoneOverride) {
        Supplier<CalendarCatalog> calendars = PolicyFile.of(policiesDir, "calendars.yaml",
                (in, name) -> CalendarCatalog.parse(text(in), name, zoneOverride), () -> CalendarCatalog.loadDefaults(zoneOverride));
        Supplier<SlaPolicySelector> policies = PolicyFile.of(policiesDir, "sla-policies.yaml",
                (in, name) -> SlaPolicyLoader.parse(text(in), name, null), () -> SlaPolicyLoader.loadDefaults(calendars.get()));
        SlaPolicyBook first = new SlaPolicyBook(calendars.get(), policies.get());
        return new Supplier<>() {
            private SlaPolicyBook current = first;
            private Object rejected;

            @Override
            public synchronized SlaPolicyBook get() {
                CalendarCatalog c = calendars.get();
                SlaPolicySelector p = policies.get();
                boolean changed = c != current.calendars() || p != current.policies();
                // a rejected pair is reported once, not on every ticket
                if (changed && !java.util.List.of(c, p).equals(rejected)) {
                    try {
                        current = new SlaPolicyBook(c, p);
                    } catch (IllegalArgumentException e) {
                        rejected = java.util.List.of(c, p);
                        LOG.error("SLA policies and calendars do not fit together; keeping the previous pair: {}", e.getMessage());
                    }
                }
                return current;
            }
        };
    }

    static Supplier<EscalationPolicy> escalations(String policiesDir) {
        return PolicyFile.of(policiesDir, "escalations.yaml", (in, name) -> EscalationPolicy.parse(text(in), name), EscalationPolicy::defaults);
    }

    private static String text(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
