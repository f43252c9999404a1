package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Rows;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scheduled routes run on Quartz's clustered JDBC store in the hub's own database. */
class QuartzSchedulingIT {

    @Test
    void a_quartz_route_fires_from_the_clustered_store_in_the_hub_database() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        try (HubApplication hub = new HubUnderTest().routes("src/test/resources/routes-quartz").bean("tickCounter", ticks).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ticks.get() >= 3);

            assertThat(Rows.one(hub.dataSource(), "select count(*) as n from qrtz_scheduler_state where sched_name = ?", "support-hub").get("n"))
                    .as("this instance checked in to the cluster").isEqualTo(1L);
            assertThat(Rows.one(hub.dataSource(), "select count(*) as n from qrtz_triggers where sched_name = ? and trigger_group = ?",
                    "support-hub", "test").get("n")).as("the trigger is stored in the database").isEqualTo(1L);
        }
    }
}
