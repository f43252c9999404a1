package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supporthub.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BackgroundFailuresTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DefaultCamelContext context = new DefaultCamelContext();

    @Test
    void every_failed_run_is_counted_by_route() {
        BackgroundFailures failures = new BackgroundFailures(meters, new MovableClock(Instant.parse("2025-01-06T09:00:00Z")));

        failures.record(failed("sla-sweep", new IllegalStateException("the database is away")));
        failures.record(failed("sla-sweep", new IllegalStateException("the database is away")));
        failures.record(failed("metrics-refresh", new IllegalStateException("the database is away")));

        assertThat(meters.get("supporthub.background.failures").tag("route", "sla-sweep").counter().count()).isEqualTo(2);
        assertThat(meters.get("supporthub.background.failures").tag("route", "metrics-refresh").counter().count()).isEqualTo(1);
    }

    @Test
    void a_run_the_stop_interrupted_is_not_a_failure_and_the_thread_stays_interrupted() {
        BackgroundFailures failures = new BackgroundFailures(meters, new MovableClock(Instant.parse("2025-01-06T09:00:00Z")));
        try {
            failures.record(failed("sla-sweep", new org.apache.camel.RuntimeCamelException(new InterruptedException("sleep interrupted"))));

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(meters.find("supporthub.background.failures").counter()).isNull();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void an_outage_warns_once_a_minute_per_route_however_often_it_fails() {
        MovableClock clock = new MovableClock(Instant.parse("2025-01-06T09:00:00Z"));
        BackgroundFailures failures = new BackgroundFailures(meters, clock);

        failures.record(failed("metrics-refresh", new IllegalStateException("away")));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(15));
            failures.record(failed("metrics-refresh", new IllegalStateException("away")));
        }

        assertThat(meters.get("supporthub.background.failures").counter().count()).isEqualTo(4);
        assertThat(failures.quietFor("metrics-refresh")).isEqualTo(3);
        clock.advance(Duration.ofSeconds(16));
        failures.record(failed("metrics-refresh", new IllegalStateException("away")));
        assertThat(failures.quietFor("metrics-refresh")).isZero();
    }

    private Exchange failed(String route, Exception error) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromRouteId(route);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, error);
        return exchange;
    }
}
