package io.supporthub.connector.zendesk;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rate limits as Zendesk's latest answers told them, for a dispatcher to consult before it calls:
 * how many requests the account has left this minute, each endpoint limit Zendesk reported, and how
 * long a 429's Retry-After asks the hub to wait — the whole account when the account's allowance is
 * used up, else the one operation that was refused (an endpoint's own limit, e.g. ticket updates).
 */
public final class RateLimitState {

    /** Zendesk counts the account's requests per minute; a used-up allowance without ratelimit-reset waits this long. */
    private static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(1);

    private RateLimitReading latest = RateLimitReading.NONE;
    private Instant observedAt;
    private Instant accountResetsAt;
    private Instant accountBlockedUntil;
    private final Map<ZendeskEndpoint, Instant> blockedUntil = new EnumMap<>(ZendeskEndpoint.class);

    /**
     * What Zendesk's limits look like now.
     *
     * @param endpointLimits    as the latest answer that named any reported them (resets counted from {@code observedAt})
     * @param accountResetsAt   when the account's allowance renews, when known
     * @param accountBlockedUntil until when every call should wait (a 429 with the allowance used up)
     * @param blockedUntil      until when one operation should wait (a 429 for that operation alone)
     */
    public record Snapshot(OptionalInt accountLimit, OptionalInt accountRemaining, Optional<Instant> accountResetsAt,
                           Map<String, RateLimitReading.EndpointLimit> endpointLimits, Optional<Instant> accountBlockedUntil,
                           Map<ZendeskEndpoint, Instant> blockedUntil, Optional<Instant> observedAt) {
    }

    /** Takes in one answer's reading; a 429 blocks the account or the operation for its Retry-After. */
    public synchronized void record(ZendeskEndpoint endpoint, int status, RateLimitReading reading, Instant now) {
        boolean saysSomething = reading.accountRemaining().isPresent() || !reading.endpointLimits().isEmpty();
        if (saysSomething) {
            latest = reading;
            observedAt = now;
            accountResetsAt = now.plus(reading.accountResetIn().orElse(ACCOUNT_WINDOW));
        }
        if (status == 429 && reading.retryAfter().isPresent()) {
            Instant until = now.plus(reading.retryAfter().get());
            if (reading.accountExhausted()) {
                accountBlockedUntil = later(accountBlockedUntil, until);
            } else {
                blockedUntil.merge(endpoint, until, RateLimitState::later);
            }
        }
    }

    /**
     * How long a call to {@code endpoint} should wait to keep within what Zendesk said: zero when it may
     * go now. Counts a pending Retry-After and an account allowance used up until its reset.
     */
    public synchronized Duration waitBefore(ZendeskEndpoint endpoint, Instant now) {
        Instant until = accountBlockedUntil;
        until = later(until, blockedUntil.get(endpoint));
        if (latest.accountExhausted()) {
            until = later(until, accountResetsAt);
        }
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(latest.accountLimit(), latest.accountRemaining(),
                latest.accountRemaining().isPresent() ? Optional.ofNullable(accountResetsAt) : Optional.empty(), latest.endpointLimits(),
                Optional.ofNullable(accountBlockedUntil), Map.copyOf(blockedUntil), Optional.ofNullable(observedAt));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
