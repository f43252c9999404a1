package io.supporthub.app.flow;

import io.supporthub.sla.engine.SlaSweep;
import io.supporthub.sla.engine.SweepPacing;
import io.supporthub.sla.engine.SweepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The sla-sweep route's steps. One run of the clustered Quartz job sweeps, hands the alerts to the
 * senders, and waits until the next step is due (at most the configured wait), over and over until
 * just before the job's next fire time; then the next run, on whichever instance Quartz picks,
 * carries on. So steps fire within milliseconds of their instant, not at the next trigger.
 */
public class SlaSweepStep implements HubStopping {

    static final String UNTIL = PropertyNames.SWEEP_UNTIL;
    static final String LAST = PropertyNames.SWEEP_RESULT;
    /** Handed back this long before the next fire time, so the next run starts on time instead of misfiring. */
    static final Duration HANDOVER = Duration.ofMillis(50);

    private final SlaSweep sweep;
    private final SweepPacing pacing;
    private final SlaMetrics metrics;
    private final Clock hubClock;
    /** Counted down when the hub stops: a pause ends at once, and the run hands over after the pass in progress. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    public SlaSweepStep(SlaSweep sweep, SweepPacing pacing, SlaMetrics metrics, Clock hubClock) {
        this.sweep = sweep;
        this.pacing = pacing;
        this.metrics = metrics;
        this.hubClock = hubClock;
    }

    /**
     * Sets when this run hands over: just before the trigger's next fire time (real time, as Quartz
     * keeps it). A run that started late still sweeps once.
     */
    public void begin(@Header(HeaderNames.QUARTZ_NEXT_FIRE_TIME) Date nextFireTime, Exchange exchange) {
        Instant now = Instant.now();
        Instant until = nextFireTime == null ? now.plusSeconds(1) : nextFireTime.toInstant().minus(HANDOVER);
        exchange.setProperty(UNTIL, until.isAfter(now) ? until : now.plusMillis(100));
    }

    public boolean keepSweeping(@ExchangeProperty(UNTIL) Instant until, Exchange exchange) {
        return Instant.now().isBefore(until) && stopping.getCount() > 0 && !exchange.getContext().isStopping()
                && !Thread.currentThread().isInterrupted();
    }

    /** One pass; the body becomes the ids of the notifications it queued. */
    public List<Long> sweep(Exchange exchange) {
        SweepResult result = sweep.sweepOnce();
        metrics.record(result);
        exchange.setProperty(LAST, result);
        return result.notificationIds();
    }

    /** Waits until the next step is due, the longest wait, the handover or the hub's stop, whichever comes first. */
    public void pause(@ExchangeProperty(LAST) SweepResult last, @ExchangeProperty(UNTIL) Instant until) throws InterruptedException {
        Duration wait = last.full() ? Duration.ZERO : pacing.waitAfter(last, sweep.nextDue(), hubClock.instant());
        Duration left = Duration.between(Instant.now(), until);
        if (left.compareTo(wait) < 0) {
            wait = left;
        }
        if (!wait.isNegative() && !wait.isZero()) {
            stopping.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void hubStopping() {
        stopping.countDown();
    }
}
