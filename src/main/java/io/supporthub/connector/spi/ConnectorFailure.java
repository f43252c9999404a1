package io.supporthub.connector.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed call to another system, classified by the adapter that made it, so the caller (a poller,
 * the outbox dispatcher, the CRM lookup, an admin's connection test) knows whether to try again, when,
 * and what an admin must fix. The reason is plain words that name the settings to check.
 *
 * @param retryAfter how long the system asked the hub to wait (a rate limit's Retry-After), when it said so
 */
public record ConnectorFailure(Kind kind, String reason, Optional<Duration> retryAfter) {

    public enum Kind {
        /** Worth trying again as it is: an outage, a timeout, a refused connection, a server error. */
        RETRIABLE,
        /** The same request fails the same way every time until someone changes it or the settings. */
        PERMANENT,
        /** The system refused the hub's credentials: nothing works until an admin fixes them. */
        AUTHENTICATION,
        /** The system asks the hub to slow down; worth trying again after {@code retryAfter}, or a backoff. */
        RATE_LIMITED;

        /** The kind as logs and the admin API name it: retriable, permanent, authentication, rate_limited. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ConnectorFailure {
        Objects.requireNonNull(kind, "kind");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a classified failure says why in words");
        }
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        if (retryAfter.isPresent() && (kind == Kind.PERMANENT || kind == Kind.AUTHENTICATION)) {
            throw new IllegalArgumentException("only a failure worth retrying has a retry-after");
        }
        if (retryAfter.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("a retry-after is never negative");
        }
    }

    public static ConnectorFailure retriable(String reason) {
        return new ConnectorFailure(Kind.RETRIABLE, reason, Optional.empty());
    }

    public static ConnectorFailure permanent(String reason) {
        return new ConnectorFailure(Kind.PERMANENT, reason, Optional.empty());
    }

    public static ConnectorFailure authentication(String reason) {
        return new ConnectorFailure(Kind.AUTHENTICATION, reason, Optional.empty());
    }

    /** @param retryAfter what the system asked for, or empty when it did not say (the caller backs off on its own) */
    public static ConnectorFailure rateLimited(String reason, Optional<Duration> retryAfter) {
        return new ConnectorFailure(Kind.RATE_LIMITED, reason, retryAfter);
    }

    /** True when the same call may succeed later without anyone changing anything. */
    public boolean retriable() {
        return kind == Kind.RETRIABLE || kind == Kind.RATE_LIMITED;
    }

    /** "authentication: Salesforce refused the login …", for logs and timelines. */
    public String describe() {
        return kind.code() + ": " + reason + retryAfter.map(wait -> " (retry after " + wait.toSeconds() + " s)").orElse("");
    }
}
