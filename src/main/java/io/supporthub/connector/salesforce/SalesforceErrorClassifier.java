package io.supporthub.connector.salesforce;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.supporthub.connector.spi.ConnectorErrorClassifier;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.connector.spi.HttpFailures;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Reads camel-salesforce's failures: Salesforce's own error codes first (a refused login, an expired
 * session, the org's API limit, a query naming a field the org lacks), then the HTTP status, then the
 * transport (timeouts, refused connections), and the circuit breaker standing open.
 */
public final class SalesforceErrorClassifier implements ConnectorErrorClassifier {

    /** OAuth login errors ("error" of the token endpoint's answer) that a wrong client id or secret causes. */
    private static final Set<String> CLIENT_REFUSED = Set.of("invalid_client_id", "invalid_client", "unauthorized_client");
    /** Errors that a wrong user, password, security token or login URL cause, or a session Salesforce ended. */
    private static final Set<String> USER_REFUSED = Set.of("invalid_grant", "inactive_user", "inactive_org", "INVALID_SESSION_ID",
            "INVALID_AUTH_HEADER", "INVALID_LOGIN", "LOGIN_MUST_USE_SECURITY_TOKEN", "PASSWORD_LOCKOUT");
    private static final Set<String> RATE_LIMITS = Set.of("REQUEST_LIMIT_EXCEEDED", "TOO_MANY_REQUESTS");
    /** Errors that the query's text causes: the org lacks a configured field or object, or the user may not read it. */
    private static final Set<String> QUERY_REFUSED = Set.of("MALFORMED_QUERY", "INVALID_FIELD", "INVALID_TYPE", "INVALID_QUERY_FILTER_OPERATOR",
            "INVALID_QUERY_LOCATOR", "INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS_OR_READONLY");

    private final Clock clock;

    public SalesforceErrorClassifier(Clock clock) {
        this.clock = clock;
    }

    public SalesforceErrorClassifier() {
        this(Clock.systemUTC());
    }

    @Override
    public ConnectorFailure classify(Throwable error) {
        if (ConnectorErrorClassifier.causeOf(error, CallNotPermittedException.class).isPresent()) {
            return ConnectorFailure.retriable("the CRM circuit breaker is open after repeated Salesforce failures; "
                    + "calls resume after salesforce.breaker.open-wait");
        }
        Optional<SalesforceException> salesforce = ConnectorErrorClassifier.causeOf(error, SalesforceException.class);
        if (salesforce.isPresent()) {
            Optional<ConnectorFailure> answer = ofAnswer(salesforce.get());
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return HttpFailures.ofTransport("Salesforce", error).orElseGet(() -> ConnectorFailure.retriable(
                "the Salesforce call failed unexpectedly (" + describe(error) + ")"));
    }

    /** What Salesforce answered, by its error code and then its status; empty when no answer came (status 0). */
    private Optional<ConnectorFailure> ofAnswer(SalesforceException e) {
        List<RestError> errors = e.getErrors() == null ? List.of() : e.getErrors();
        for (RestError error : errors) {
            Optional<ConnectorFailure> known = ofCode(error.getErrorCode(), said(error));
            if (known.isPresent()) {
                return known;
            }
        }
        if (e.getStatusCode() <= 0) {
            return Optional.empty();
        }
        String said = errors.isEmpty() ? null : said(errors.get(0));
        return Optional.of(HttpFailures.ofStatus("Salesforce", e.getStatusCode(), said, null, clock.instant()));
    }

    private static Optional<ConnectorFailure> ofCode(String code, String said) {
        if (code == null) {
            return Optional.empty();
        }
        if (CLIENT_REFUSED.contains(code)) {
            return Optional.of(ConnectorFailure.authentication("Salesforce refused the login: " + said
                    + " — check salesforce.client-id and salesforce.client-secret (the connected app's consumer key and secret)"));
        }
        if (USER_REFUSED.contains(code)) {
            return Optional.of(ConnectorFailure.authentication("Salesforce refused the login: " + said
                    + " — check salesforce.username, salesforce.password (the password followed by the security token) and salesforce.login-url"));
        }
        if (RATE_LIMITS.contains(code)) {
            // Salesforce sends no Retry-After: the org's API allowance is counted over 24 hours, so the caller backs off
            return Optional.of(ConnectorFailure.rateLimited("Salesforce refused the call: " + said
                    + " — the org's API request limit is used up; calls resume as the allowance recovers", Optional.empty()));
        }
        if (QUERY_REFUSED.contains(code)) {
            return Optional.of(ConnectorFailure.permanent("Salesforce refused the query: " + said
                    + " — check the salesforce.field.* and salesforce.open-cases settings and the integration user's access"));
        }
        if (code.equals("SERVER_UNAVAILABLE") || code.equals("UNKNOWN_EXCEPTION")) {
            return Optional.of(ConnectorFailure.retriable("Salesforce failed on its side: " + said));
        }
        return Optional.empty();
    }

    /** "INVALID_FIELD (No such column …)", the code with Salesforce's message, without camel-salesforce's wrapping. */
    private static String said(RestError error) {
        String message = error.getMessage() == null ? "" : error.getMessage().strip().replaceAll("\\s+", " ");
        // a login error's message repeats the code: "Login error code:[invalid_grant] description:[authentication failure]"
        message = message.replaceFirst("^Login error code:\\[[^]]*] description:\\[(.*)]$", "$1");
        return message.isEmpty() ? String.valueOf(error.getErrorCode()) : error.getErrorCode() + " (" + message + ")";
    }

    private static String describe(Throwable error) {
        return error == null ? "no error given" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
