package io.supporthub.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void durations_read_as_hours_minutes_and_seconds_without_rolling_into_days() {
        assertThat(DurationText.of(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(DurationText.of(Duration.ofSeconds(450))).isEqualTo("7m 30s");
        assertThat(DurationText.of(Duration.ofMinutes(65).plusSeconds(20))).isEqualTo("1h 5m");
        assertThat(DurationText.of(Duration.ofDays(7))).isEqualTo("168h");
        assertThat(DurationText.of(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationText.of(Duration.ofMinutes(-3))).as("how far overdue reads the same").isEqualTo("3m");
    }
}
