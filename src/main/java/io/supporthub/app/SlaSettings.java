package io.supporthub.app;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The SLA engine's settings ({@code hub.sla.*}): how the clustered sweep paces itself, and the calendars' default zone. */
public record SlaSettings(Duration sweepPeriod, Duration sweepMaxWait, int sweepBatch, ZoneId timezone) {

    static final ConfigKey<Duration> SWEEP_PERIOD = ConfigKey.optional("hub.sla.sweep-period", ConfigType.DURATION, "PT5S",
            "How long one run of the clustered SLA sweep lasts on the instance that holds it; when that instance stops, another takes over within this plus the cluster check-in");
    static final ConfigKey<Duration> SWEEP_MAX_WAIT = ConfigKey.optional("hub.sla.sweep-max-wait", ConfigType.DURATION, "PT0.25S",
            "Longest pause between two sweeps while nothing is due sooner: bounds how late a step written by another instance can fire");
    static final ConfigKey<Integer> SWEEP_BATCH = ConfigKey.optional("hub.sla.sweep-batch", ConfigType.POSITIVE_INT, "500",
            "Most clocks (and timers) one sweep transaction claims; a full batch is followed at once by the next");
    static final ConfigKey<String> TIMEZONE = ConfigKey.optional("hub.sla.timezone", ConfigType.TEXT, "",
            "Time zone of business calendars that name none (calendars.yaml); empty keeps the file's default_timezone");

    public static final List<ConfigKey<?>> KEYS = List.of(SWEEP_PERIOD, SWEEP_MAX_WAIT, SWEEP_BATCH, TIMEZONE);

    public static SlaSettings from(ConfigSource source) {
        Duration period = source.get(SWEEP_PERIOD);
        Duration maxWait = source.get(SWEEP_MAX_WAIT);
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException(source.name(), SWEEP_PERIOD.name(), "must be at least PT1S, got " + period);
        }
        if (maxWait.compareTo(Duration.ofMillis(20)) < 0 || maxWait.compareTo(period) > 0) {
            throw new ConfigException(source.name(), SWEEP_MAX_WAIT.name(), "must lie between PT0.02S and hub.sla.sweep-period, got " + maxWait);
        }
        String zone = source.get(TIMEZONE).strip();
        ZoneId timezone = null;
        if (!zone.isEmpty()) {
            try {
                timezone = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new ConfigException(source.name(), TIMEZONE.name(), "must be a region id such as Europe/Berlin, got '" + zone + "'");
            }
        }
        return new SlaSettings(period, maxWait, source.get(SWEEP_BATCH), timezone);
    }
}
