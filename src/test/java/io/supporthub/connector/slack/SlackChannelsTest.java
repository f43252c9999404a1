package io.supporthub.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackChannelsTest {

    final SlackChannels channels = SlackChannels.parse("#support-alerts",
            "tier:T3=#t3-oncall, queue:emergency=#incidents, audience:manager=#support-leads");

    @Test
    void an_alert_goes_to_its_audience_then_its_queue_then_its_tier_then_the_default_channel() {
        assertThat(channels.channelFor(Map.of("audience", "manager", "queue", "emergency", "tier", "T3"))).isEqualTo("#support-leads");
        assertThat(channels.channelFor(Map.of("queue", "emergency", "tier", "T3"))).isEqualTo("#incidents");
        assertThat(channels.channelFor(Map.of("queue", "technical", "tier", "t3"))).isEqualTo("#t3-oncall");
        assertThat(channels.channelFor(Map.of("queue", "billing", "tier", "T1", "audience", "executive"))).isEqualTo("#support-alerts");
    }

    @Test
    void a_malformed_mapping_stops_the_start_naming_the_key_and_the_entry() {
        assertThatThrownBy(() -> SlackSettings.from(new ConfigSource("slack.properties", Map.of(
                "slack.webhook-url", "https://hooks.slack.com/services/T/B/x", "slack.channels", "tier:T3=#t3, team=#x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("slack.channels").hasMessageContaining("'team=#x'");
        assertThatThrownBy(() -> SlackChannels.parse("#a", "region:eu=#eu")).hasMessageContaining("use tier:, queue: or audience:");
    }
}
