package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A release bound to an exchange runs when that exchange ends, however it ends, and not when a copy queued on seda does. */
class ReleasedWithExchangeTest {

    private final CamelContext context = new DefaultCamelContext();
    private final AtomicInteger released = new AtomicInteger();
    private final CountDownLatch copyMayEnd = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:poll").process(e -> ReleasedWithExchange.register(e, released::incrementAndGet))
                        .to("seda:commit?waitForTaskToComplete=Never")
                        .filter(header("fail").isEqualTo(true)).throwException(new IllegalStateException("the poll failed")).end();
                from("seda:commit").process(e -> copyMayEnd.await(10, TimeUnit.SECONDS));
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        copyMayEnd.countDown();
        context.stop();
    }

    @Test
    void the_release_runs_when_its_own_exchange_ends_while_the_queued_copy_is_still_at_work() {
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.sendBody("direct:poll", "batch");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(released).hasValue(1);
        copyMayEnd.countDown();
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(released).hasValue(1));
    }

    @Test
    void the_release_runs_when_its_exchange_fails() {
        try (ProducerTemplate template = context.createProducerTemplate()) {
            assertThatThrownBy(() -> template.sendBodyAndHeader("direct:poll", "batch", "fail", true)).hasRootCauseMessage("the poll failed");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(released).hasValue(1);
    }
}
