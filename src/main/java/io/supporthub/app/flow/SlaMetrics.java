package io.supporthub.app.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.supporthub.sla.engine.SlaSummary;
import io.supporthub.sla.engine.SweepResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The SLA engine on /observe/metrics: open tickets on track, at risk or breached by tier and
 * priority (a count over the shared database, the same on every instance), and what this
 * instance's sweeps did — steps fired and skipped, how late, and their database time.
 */
public class SlaMetrics {

    private final SlaSummary summary;
    private final Clock clock;
    private final MultiGauge standing;
    private final Counter fired;
    private final Counter skipped;
    private final Counter timers;
    private final DistributionSummary lateness;
    private final Timer sweepTime;

    public SlaMetrics(SlaSummary summary, Clock clock, MeterRegistry registry) {
        this.summary = summary;
        this.clock = clock;
        this.standing = MultiGauge.builder("supporthub.sla.tickets")
                .description("Open tickets with a live SLA clock, by standing (on_track, at_risk, breached), tier and priority").register(registry);
        this.fired = Counter.builder("supporthub.sla.steps.fired").description("Warning, breach and reminder steps fired").register(registry);
        this.skipped = Counter.builder("supporthub.sla.steps.skipped")
                .description("Steps passed over without an alert because a later one was already due").register(registry);
        this.timers = Counter.builder("supporthub.sla.timers.fired").description("Escalation and lifecycle timers fired").register(registry);
        this.lateness = DistributionSummary.builder("supporthub.sla.step.lateness.seconds").baseUnit("seconds")
                .description("How long after its instant a step or timer fired").publishPercentiles(0.5, 0.99).register(registry);
        this.sweepTime = Timer.builder("supporthub.sla.sweep.database").description("Database time of one sweep pass")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Re-reads the standing counts; called by a timer route, so a scrape never queries the database. */
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
        for (SlaSummary.Row r : summary.at(clock.instant())) {
            rows.add(MultiGauge.Row.of(Tags.of("standing", r.standing().name().toLowerCase(Locale.ROOT), "tier", r.tier(),
                    "priority", r.priority()), r.tickets()));
        }
        standing.register(rows, true);
    }

    public void record(SweepResult result) {
        fired.increment(result.stepsFired());
        skipped.increment(result.stepsSkipped());
        timers.increment(result.timersFired());
        for (Duration late : result.lateness()) {
            lateness.record(late.toNanos() / 1e9);
        }
        if (result.didWork()) {
            sweepTime.record(Duration.ofNanos(result.databaseNanos()));
        }
    }
}
