package io.supporthub.sandbox;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zendesk's rate limits as token buckets refilled whole at the end of each window, as Zendesk's per-minute counters
 * reset: a request over a limit is answered 429 with {@code Retry-After} (whole seconds until the window ends), and
 * every answer carries the account's {@code X-Rate-Limit} and {@code X-Rate-Limit-Remaining}.
 */
final class ZendeskRateLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final TimeMeter meter;
    private volatile ZendeskLimits limits;
    private volatile Bucket account;
    private volatile Bucket ticketUpdates;
    private volatile Bucket exports;
    private final Map<String, Bucket> updatesPerTicket = new ConcurrentHashMap<>();

    ZendeskRateLimits(Clock clock, ZendeskLimits limits) {
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        reset(limits);
    }

    /** Starts every window afresh under {@code limits}. */
    synchronized void reset(ZendeskLimits limits) {
        this.limits = limits;
        this.account = bucket(limits.accountPerMinute(), MINUTE);
        this.ticketUpdates = bucket(limits.ticketUpdatesPerMinute(), MINUTE);
        this.exports = bucket(limits.exportsPerMinute(), MINUTE);
        updatesPerTicket.clear();
    }

    ZendeskLimits limits() {
        return limits;
    }

    /** Counts one API request against the account's limit; the 429 to answer when it is over. */
    Optional<ZendeskAnswer> takeAccountRequest() {
        ConsumptionProbe probe = account.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        // Zendesk answers the account limit in plain text, not JSON
        return Optional.of(new ZendeskAnswer(429, "Number of allowed API requests per minute exceeded", "text/plain; charset=utf-8", Map.of())
                .withHeader("Retry-After", Long.toString(seconds(probe.getNanosToWaitForRefill()))));
    }

    /** Counts one Update Ticket request, against the account's and the ticket's own limits. */
    Optional<ZendeskAnswer> takeTicketUpdate(long userId, long ticketId) {
        ConsumptionProbe perAccount = ticketUpdates.tryConsumeAndReturnRemaining(1);
        if (!perAccount.isConsumed()) {
            return Optional.of(tooMany("Number of allowed ticket update API requests per minute exceeded", perAccount));
        }
        Bucket perTicket = updatesPerTicket.computeIfAbsent(userId + "/" + ticketId,
                key -> bucket(limits.updatesPerTicketPerTenMinutes(), TEN_MINUTES));
        ConsumptionProbe probe = perTicket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(tooMany("Number of allowed updates of this ticket by this user per 10 minutes exceeded", probe));
    }

    /** Counts one incremental export request. */
    Optional<ZendeskAnswer> takeExport() {
        ConsumptionProbe probe = exports.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(tooMany("Number of allowed incremental export API requests per minute exceeded", probe));
    }

    /** The headers every API answer carries: the account's limit, what is left of it, and when it resets. */
    Map<String, String> headers() {
        Bucket current = account;
        long remaining = current.getAvailableTokens();
        long reset = remaining >= limits.accountPerMinute() ? 60 : seconds(current.estimateAbilityToConsume(limits.accountPerMinute())
                .getNanosToWaitForRefill());
        return Map.of("X-Rate-Limit", Integer.toString(limits.accountPerMinute()), "X-Rate-Limit-Remaining", Long.toString(remaining),
                "ratelimit-limit", Integer.toString(limits.accountPerMinute()), "ratelimit-remaining", Long.toString(remaining),
                "ratelimit-reset", Long.toString(reset));
    }

    private static ZendeskAnswer tooMany(String description, ConsumptionProbe probe) {
        return ZendeskAnswer.json(429, Map.of("error", "APIRateLimitExceeded", "description", description))
                .withHeader("Retry-After", Long.toString(seconds(probe.getNanosToWaitForRefill())));
    }

    private Bucket bucket(int capacity, Duration window) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
                .withCustomTimePrecision(meter).build();
    }

    /** Whole seconds, rounded up and at least one: a Retry-After of 0 would invite an immediate retry that fails again. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
