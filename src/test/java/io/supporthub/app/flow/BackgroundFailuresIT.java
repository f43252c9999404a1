package io.supporthub.app.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.supporthub.app.HubApplication;
import io.supporthub.testing.HubUnderTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.junit.jupiter.api.Test;

/** The background policy as the routes get it: a job that fails on every run keeps its schedule and is counted. */
class BackgroundFailuresIT {

    /** Work that fails every time, as a job does while the database is away. */
    public static final class FailingWork {
        final AtomicInteger runs = new AtomicInteger();

        public void run() {
            runs.incrementAndGet();
            throw new IllegalStateException("the database is away");
        }
    }

    @Test
    void a_background_job_that_keeps_failing_keeps_its_schedule_and_is_counted() throws Exception {
        FailingWork work = new FailingWork();
        try (HubApplication hub = new HubUnderTest().routes("src/test/resources/routes-failing-job").bean("failingWork", work).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> work.runs.get() >= 5);

            MeterRegistry meters = hub.camelContext().getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
            assertThat(meters.get("supporthub.background.failures").tag("route", "failing-job").counter().count()).isGreaterThanOrEqualTo(4);
            assertThat(hub.camelContext().getRouteController().getRouteStatus("failing-job")).isEqualTo(ServiceStatus.Started);
        }
    }
}
