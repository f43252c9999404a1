package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigSource;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaSettingsTest {

    @Test
    void defaults_sweep_in_runs_of_five_seconds_waiting_at_most_a_quarter_second() {
        SlaSettings sla = SlaSettings.from(new ConfigSource("application.properties", Map.of()));

        assertThat(sla.sweepPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sla.sweepMaxWait()).isEqualTo(Duration.ofMillis(250));
        assertThat(sla.sweepBatch()).isEqualTo(500);
        assertThat(sla.timezone()).isNull();
        assertThat(SlaSettings.from(new ConfigSource("a", Map.of("hub.sla.timezone", "America/New_York"))).timezone())
                .isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void wrong_values_stop_the_start_naming_the_key() {
        assertThatThrownBy(() -> SlaSettings.from(new ConfigSource("application.properties", Map.of("hub.sla.sweep-max-wait", "PT10S"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hub.sla.sweep-max-wait");
        assertThatThrownBy(() -> SlaSettings.from(new ConfigSource("application.properties", Map.of("hub.sla.timezone", "Mars/Olympus"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hub.sla.timezone").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> SlaSettings.from(new ConfigSource("application.properties", Map.of("hub.sla.sweep-period", "PT0.5S"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hub.sla.sweep-period");
    }
}
