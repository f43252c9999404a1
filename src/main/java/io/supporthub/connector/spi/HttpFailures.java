package io.supporthub.connector.spi;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What HTTP answers and transport errors mean, the same for every adapter: 429 is a rate limit (with
 * its Retry-After in seconds or as an HTTP date), 401 and 403 refuse the credentials, 408 and 5xx
 * pass, other 4xx stay; timeouts and refused connections pass. Adapters first read their system's
 * own error codes and fall back on these.
 */
public final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * The meaning of an HTTP status that is not a success.
     *
     * @param system     the system's name as admins know it, e.g. "Zendesk"
     * @param status     the HTTP status code
     * @param said       the system's own words for it (an error code, a message), or null
     * @param retryAfter the Retry-After header as sent, or null
     * @param now        when the answer came, to turn an HTTP-date Retry-After into a wait
     */
    public static ConnectorFailure ofStatus(String system, int status, String said, String retryAfter, Instant now) {
        String answered = system + " answered HTTP " + status + (said == null || said.isBlank() ? "" : " (" + said.strip() + ")");
        if (status == 429) {
            return ConnectorFailure.rateLimited(answered + ": too many requests, the hub slows down", retryAfter(retryAfter, now));
        }
        if (status == 401 || status == 403) {
            return ConnectorFailure.authentication(answered + ": the hub's credentials were refused or lack a permission");
        }
        if (status == 408 || status >= 500) {
            Optional<Duration> wait = status == 503 ? retryAfter(retryAfter, now) : Optional.empty();
            return new ConnectorFailure(ConnectorFailure.Kind.RETRIABLE, answered + ": a passing failure on its side", wait);
        }
        if (status >= 400) {
            return ConnectorFailure.permanent(answered + ": it refuses this request as sent");
        }
        return ConnectorFailure.permanent(answered + " where the hub expected an answer; check the connector's URL");
    }

    /**
     * Reads Retry-After: a number of seconds, or an HTTP date (a date already past means now). Empty when
     * absent or unreadable: the caller then backs off on its own schedule.
     */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * A failure on the way to the system rather than an answer from it: a timeout, a refused or
     * unroutable connection, a host name that does not resolve. All pass, so all are retriable. Empty
     * when the error holds none of them.
     */
    public static Optional<ConnectorFailure> ofTransport(String system, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return Optional.of(ConnectorFailure.retriable(system + " did not answer in time"));
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return Optional.of(ConnectorFailure.retriable(system + " could not be reached (" + cause.getMessage()
                        + "); check the connector's URL if it lasts"));
            }
            if (cause instanceof UnknownHostException) {
                return Optional.of(ConnectorFailure.retriable(system + "'s host name " + cause.getMessage()
                        + " does not resolve; check the connector's URL if it lasts"));
            }
        }
        return Optional.empty();
    }
}
