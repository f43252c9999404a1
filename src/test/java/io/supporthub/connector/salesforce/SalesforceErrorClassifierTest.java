package io.supporthub.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.connector.spi.ConnectorFailure.Kind;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

/** camel-salesforce's failures, in the shapes it throws them, read as the CRM lookup and the adapters need them. */
class SalesforceErrorClassifierTest {

    private final SalesforceErrorClassifier classifier = new SalesforceErrorClassifier();

    @Test
    void a_refused_login_for_a_wrong_password_or_token_names_the_user_settings() {
        ConnectorFailure failure = classifier.classify(loginRefused("invalid_grant", "authentication failure"));
        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.reason()).startsWith("Salesforce refused the login: invalid_grant (authentication failure)")
                .contains("check salesforce.username, salesforce.password");
    }

    @Test
    void a_refused_login_for_a_wrong_connected_app_names_the_client_settings() {
        ConnectorFailure failure = classifier.classify(new RuntimeCamelException(loginRefused("invalid_client_id", "client identifier invalid")));
        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.reason()).contains("invalid_client_id (client identifier invalid)").contains("check salesforce.client-id");
    }

    @Test
    void an_expired_session_is_an_authentication_failure() {
        assertThat(classifier.classify(answer(401, "INVALID_SESSION_ID", "Session expired or invalid")).kind()).isEqualTo(Kind.AUTHENTICATION);
    }

    @Test
    void the_orgs_api_limit_is_a_rate_limit_without_a_retry_after() {
        ConnectorFailure failure = classifier.classify(answer(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure.retriable()).isTrue();
    }

    @Test
    void a_query_the_org_cannot_run_is_permanent_and_names_the_field_settings() {
        ConnectorFailure field = classifier.classify(answer(400, "INVALID_FIELD",
                "\nSELECT Account.Customer_Tier__c FROM Contact\n       ^\nERROR at Row:1:Column:8\nNo such column 'Customer_Tier__c' on entity 'Account'."));
        assertThat(field.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(field.reason()).startsWith("Salesforce refused the query: INVALID_FIELD (SELECT Account.Customer_Tier__c FROM Contact ^")
                .contains("No such column 'Customer_Tier__c'").contains("salesforce.field.*");
        assertThat(classifier.classify(answer(400, "MALFORMED_QUERY", "unexpected token: 'FROM'")).kind()).isEqualTo(Kind.PERMANENT);
        assertThat(classifier.classify(answer(400, "SOME_NEW_CODE", "whatever it is")).kind()).as("other 4xx by status").isEqualTo(Kind.PERMANENT);
    }

    @Test
    void server_errors_timeouts_refused_connections_and_an_open_circuit_are_retriable() {
        assertThat(classifier.classify(answer(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred")).kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(classifier.classify(answer(503, "SERVER_UNAVAILABLE", "Server unavailable")).kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(classifier.classify(answer(502, null, null)).kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(classifier.classify(new TimeoutException()).reason()).isEqualTo("Salesforce did not answer in time");
        assertThat(classifier.classify(new SalesforceException("Unexpected error: Connection refused", new ConnectException("Connection refused"))).reason())
                .startsWith("Salesforce could not be reached (Connection refused)");
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("crm"));
        assertThat(classifier.classify(open).reason()).contains("circuit breaker is open");
    }

    @Test
    void a_failure_it_does_not_recognise_is_retried_rather_than_given_up() {
        ConnectorFailure failure = classifier.classify(new IllegalStateException("surprise"));
        assertThat(failure.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(failure.reason()).contains("IllegalStateException: surprise");
        assertThat(classifier.classify(null).kind()).isEqualTo(Kind.RETRIABLE);
    }

    /** What camel-salesforce throws when the token endpoint answers 400: the OAuth error as a RestError. */
    private static SalesforceException loginRefused(String error, String description) {
        return new SalesforceException(List.of(new RestError(error, "Login error code:[" + error + "] description:[" + description + "]")), 400);
    }

    private static SalesforceException answer(int status, String code, String message) {
        return new SalesforceException(code == null ? List.of() : List.of(new RestError(code, message)), status);
    }
}
