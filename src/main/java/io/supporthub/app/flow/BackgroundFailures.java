package io.supporthub.app.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background-errors policy's step: a failed run of a Quartz job, timer or seda consumer is counted
 * ({@code supporthub.background.failures} by route) and logged with its route and endpoint, at most once a minute per
 * route at WARN, so a database outage is one line a minute per consumer and not a flood. The run ends there: its work
 * stays in the database, where the next run finds it.
 */
public class BackgroundFailures {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFailures.class);
    static final Duration QUIET = Duration.ofMinutes(1);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Quiet> quietUntil = new ConcurrentHashMap<>();

    public BackgroundFailures(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public void record(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String route = exchange.getFromRouteId() == null ? "unknown" : exchange.getFromRouteId();
        if (stopping(exchange, error)) {
            // a run the hub's stop cut short is not a failure: what it had claimed was released with its transaction
            LOG.info("Background route {} stopped with the hub: {}", route, describe(error));
            return;
        }
        Counter.builder("supporthub.background.failures").description("Failed runs of background routes (Quartz jobs, timers, seda consumers)")
                .tag("route", route).register(meters).increment();
        String endpoint = exchange.getFromEndpoint() == null ? "?" : exchange.getFromEndpoint().getEndpointBaseUri();
        int suppressed = quiet(route);
        if (suppressed < 0) {
            LOG.debug("Background route {} ({}) failed again: {}", route, endpoint, describe(error), error);
        } else {
            LOG.warn("Background route {} ({}) failed; its work stays for the next run{}: {}", route, endpoint,
                    suppressed == 0 ? "" : " (" + suppressed + " more failures in the last minute)", describe(error), error);
        }
    }

    /** -1 when a warning for this route went out less than a minute ago; else how many failures were kept quiet since. */
    private int quiet(String route) {
        Instant now = clock.instant();
        int[] suppressed = {-1};
        quietUntil.compute(route, (r, q) -> {
            if (q != null && now.isBefore(q.until())) {
                return new Quiet(q.until(), q.suppressed() + 1);
            }
            suppressed[0] = q == null ? 0 : q.suppressed();
            return new Quiet(now.plus(QUIET), 0);
        });
        return suppressed[0];
    }

    /** How many failures of the route went unwarned since its last warning. */
    int quietFor(String route) {
        Quiet quiet = quietUntil.get(route);
        return quiet == null ? 0 : quiet.suppressed();
    }

    private static boolean stopping(Exchange exchange, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return exchange.getContext().isStopping();
    }

    private static String describe(Throwable error) {
        return error == null ? "no exception recorded" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private record Quiet(Instant until, int suppressed) {
    }
}
