package io.supporthub.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.connector.spi.ConnectorFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {

    private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

    @Test
    void too_many_requests_is_a_rate_limit_with_the_wait_the_system_asked_for_in_seconds() {
        ConnectorFailure failure = HttpFailures.ofStatus("Zendesk", 429, null, "30", NOW);
        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(failure.retriable()).isTrue();
        assertThat(failure.reason()).startsWith("Zendesk answered HTTP 429");
    }

    @Test
    void a_retry_after_given_as_an_http_date_is_the_wait_until_that_date() {
        assertThat(HttpFailures.ofStatus("Zendesk", 429, null, "Tue, 04 Mar 2025 10:02:00 GMT", NOW).retryAfter())
                .contains(Duration.ofMinutes(2));
        assertThat(HttpFailures.retryAfter("Tue, 04 Mar 2025 09:59:00 GMT", NOW)).as("a date already past").contains(Duration.ZERO);
    }

    @Test
    void a_rate_limit_without_a_readable_retry_after_leaves_the_wait_to_the_caller() {
        assertThat(HttpFailures.ofStatus("Zendesk", 429, null, null, NOW).retryAfter()).isEmpty();
        assertThat(HttpFailures.retryAfter("soon", NOW)).isEmpty();
        assertThat(HttpFailures.retryAfter("-5", NOW)).isEmpty();
        assertThat(HttpFailures.retryAfter("99999999999999999999999", NOW)).isEmpty();
        assertThat(HttpFailures.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void unauthorized_and_forbidden_are_authentication_failures() {
        assertThat(HttpFailures.ofStatus("ServiceNow", 401, "User Not Authenticated", null, NOW).kind()).isEqualTo(Kind.AUTHENTICATION);
        ConnectorFailure forbidden = HttpFailures.ofStatus("ServiceNow", 403, null, null, NOW);
        assertThat(forbidden.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(forbidden.retriable()).isFalse();
    }

    @Test
    void server_errors_and_request_timeouts_are_retriable_and_a_503_may_say_when() {
        assertThat(HttpFailures.ofStatus("Zendesk", 500, null, null, NOW).kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(HttpFailures.ofStatus("Zendesk", 502, null, null, NOW).kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(HttpFailures.ofStatus("Zendesk", 408, null, null, NOW).kind()).isEqualTo(Kind.RETRIABLE);
        ConnectorFailure unavailable = HttpFailures.ofStatus("Zendesk", 503, "maintenance", "120", NOW);
        assertThat(unavailable.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(unavailable.retryAfter()).contains(Duration.ofMinutes(2));
        assertThat(unavailable.reason()).contains("HTTP 503 (maintenance)");
    }

    @Test
    void other_client_errors_are_permanent_with_the_systems_own_words() {
        ConnectorFailure failure = HttpFailures.ofStatus("Zendesk", 422, "RecordInvalid: Subject is blank", null, NOW);
        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.reason()).contains("HTTP 422 (RecordInvalid: Subject is blank)");
        assertThat(HttpFailures.ofStatus("Zendesk", 404, null, null, NOW).kind()).isEqualTo(Kind.PERMANENT);
        assertThat(HttpFailures.ofStatus("Zendesk", 302, null, null, NOW).kind()).as("a redirect where an answer was due").isEqualTo(Kind.PERMANENT);
    }

    @Test
    void timeouts_and_connections_that_fail_are_retriable_however_deeply_wrapped() {
        assertThat(HttpFailures.ofTransport("Slack", new IOException("send failed", new SocketTimeoutException("Read timed out"))))
                .hasValueSatisfying(f -> assertThat(f.describe()).isEqualTo("retriable: Slack did not answer in time"));
        assertThat(HttpFailures.ofTransport("Slack", new HttpTimeoutException("request timed out"))).get()
                .extracting(ConnectorFailure::kind).isEqualTo(Kind.RETRIABLE);
        assertThat(HttpFailures.ofTransport("Salesforce", new RuntimeException(new TimeoutException()))).isPresent();
        assertThat(HttpFailures.ofTransport("Slack", new RuntimeException(new ConnectException("Connection refused")))).get()
                .satisfies(f -> assertThat(f.reason()).contains("could not be reached (Connection refused)"));
        assertThat(HttpFailures.ofTransport("Slack", new UnknownHostException("hooks.slack.invalid"))).get()
                .satisfies(f -> assertThat(f.reason()).contains("hooks.slack.invalid does not resolve"));
        assertThat(HttpFailures.ofTransport("Slack", new IllegalStateException("something else"))).isEmpty();
        assertThat(HttpFailures.ofTransport("Slack", null)).isEmpty();
    }

    @Test
    void only_a_failure_worth_retrying_carries_a_retry_after() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConnectorFailure(Kind.PERMANENT, "no", java.util.Optional.of(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConnectorFailure.rateLimited("slow down", java.util.Optional.of(Duration.ofSeconds(5))).describe())
                .isEqualTo("rate_limited: slow down (retry after 5 s)");
    }
}
