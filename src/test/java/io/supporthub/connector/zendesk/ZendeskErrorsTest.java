package io.supporthub.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static io.supporthub.connector.zendesk.WireMockZendesk.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.connector.spi.ConnectorFailure.Kind;
import io.supporthub.testing.FreePort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every class of failure, as Zendesk answers it to the client and as the classifier reads it. */
class ZendeskErrorsTest {

    @RegisterExtension
    final WireMockZendesk zendesk = new WireMockZendesk();

    @Test
    void a_refused_token_is_an_authentication_failure_naming_the_settings() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(401, "{\"error\": \"Couldn't authenticate you\"}")));
        ConnectorFailure failure = showTicketFails();
        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.reason()).startsWith("Zendesk refused show ticket (HTTP 401: Couldn't authenticate you); check zendesk.email and zendesk.api-token");
    }

    @Test
    void a_forbidden_operation_is_an_authentication_failure_asking_for_an_agent_or_admin() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(403,
                "{\"error\": \"Forbidden\", \"description\": \"You do not have access to this page. Please contact the account owner of this help desk for further help.\"}")));
        ConnectorFailure failure = showTicketFails();
        assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failure.reason()).contains("HTTP 403: Forbidden: You do not have access to this page")
                .contains("must be an agent or admin allowed to show ticket");
    }

    @Test
    void a_missing_ticket_is_permanent_with_zendesk_s_words() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(404, "{\"error\": \"RecordNotFound\", \"description\": \"Not found\"}")));
        assertThat(showTicketFails().describe())
                .isEqualTo("permanent: Zendesk refused show ticket (HTTP 404: RecordNotFound: Not found): no such record in Zendesk");
    }

    @Test
    void an_address_with_no_help_desk_is_permanent_and_points_at_the_base_url() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(404, """
                {"error": {"title": "No help desk at acme-typo.zendesk.com", "message": "There is no help desk configured at this address."}}""")));
        assertThat(showTicketFails().reason()).isEqualTo("Zendesk refused show ticket (HTTP 404: No help desk at acme-typo.zendesk.com: "
                + "There is no help desk configured at this address.); check zendesk.base-url");
    }

    @Test
    void an_invalid_record_is_permanent_with_zendesk_s_error_description_and_details() {
        zendesk.server.stubFor(post("/api/v2/tickets").willReturn(json(422, """
                {"error": "RecordInvalid", "description": "Record validation errors",
                 "details": {"requester": [{"description": "Requester: Email is invalid", "error": "InvalidValue"}],
                             "base": [{"description": "Subject: cannot be blank", "error": "BlankValue"}]}}""")));
        ZendeskException e = catchThrowableOfType(ZendeskException.class, () -> zendesk.client().createTicket(new NewTicket("SH-1", "s",
                NewTicket.Requester.byEmail("ava@acme.example", "Ava"), NewComment.publicReply("b"), null, null, List.of())));
        ConnectorFailure failure = new ZendeskErrorClassifier(zendesk.clock).classify(e);
        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.reason()).isEqualTo("Zendesk refused create ticket (HTTP 422: RecordInvalid: Record validation errors "
                + "(requester: Requester: Email is invalid; base: Subject: cannot be blank)): Zendesk finds the request invalid as sent");
    }

    @Test
    void a_conflicting_update_is_retriable() {
        zendesk.server.stubFor(put("/api/v2/tickets/1").willReturn(json(409,
                "{\"error\": \"UpdateConflict\", \"description\": \"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.\"}")));
        ZendeskException e = catchThrowableOfType(ZendeskException.class, () -> zendesk.client().updateTicket(1, TicketChange.status("open")));
        ConnectorFailure failure = new ZendeskErrorClassifier(zendesk.clock).classify(e);
        assertThat(failure.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(failure.reason()).contains("UpdateConflict").endsWith("read it again and retry");
    }

    @Test
    void a_rate_limit_is_rate_limited_with_its_retry_after_in_seconds_even_from_a_plain_text_answer() {
        zendesk.server.stubFor(put("/api/v2/tickets/1").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "93")
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("Rate limit for ticket updates exceeded, please wait before updating this ticket again")));
        ZendeskException e = catchThrowableOfType(ZendeskException.class, () -> zendesk.client().updateTicket(1, TicketChange.status("open")));
        ConnectorFailure failure = new ZendeskErrorClassifier(zendesk.clock).classify(e);
        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(93));
        assertThat(failure.reason()).contains("Rate limit for ticket updates exceeded");
    }

    @Test
    void server_errors_are_retriable_and_a_503_keeps_its_retry_after() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(500, "{\"error\": \"InternalError\"}")));
        assertThat(showTicketFails().kind()).isEqualTo(Kind.RETRIABLE);
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(503, "{\"error\": \"ServiceUnavailable\"}").withHeader("Retry-After", "20")));
        ConnectorFailure unavailable = showTicketFails();
        assertThat(unavailable.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(unavailable.retryAfter()).hasValue(Duration.ofSeconds(20));
    }

    @Test
    void a_timeout_is_retriable() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(200, "{}").withFixedDelay(5_000)));
        ZendeskException e = catchThrowableOfType(ZendeskException.class, () -> zendesk.client(Map.of("zendesk.timeout", "PT0.3S")).showTicket(1));
        assertThat(e.problem()).isEqualTo(ZendeskException.Problem.NO_ANSWER);
        assertThat(new ZendeskErrorClassifier().classify(e).describe()).isEqualTo("retriable: Zendesk did not answer in time");
    }

    @Test
    void a_refused_connection_and_a_dropped_one_are_retriable() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(showTicketFails().kind()).isEqualTo(Kind.RETRIABLE);
        ZendeskClient nobody = zendesk.client(Map.of("zendesk.base-url", "http://127.0.0.1:" + FreePort.next()));
        ZendeskException e = catchThrowableOfType(ZendeskException.class, () -> nobody.showTicket(1));
        assertThat(new ZendeskErrorClassifier().classify(e).reason()).startsWith("Zendesk could not be reached");
    }

    @Test
    void a_web_page_where_the_api_should_answer_is_permanent_and_points_at_the_base_url() {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>Welcome</html>")));
        ConnectorFailure failure = showTicketFails();
        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.reason()).contains("check zendesk.base-url");
    }

    @Test
    void every_answer_s_rate_limit_headers_are_recorded_for_the_dispatcher() throws Exception {
        zendesk.server.stubFor(get("/api/v2/tickets/1").willReturn(json(200, "{\"ticket\": {\"id\": 1}}")
                .withHeader("x-rate-limit", "700").withHeader("X-Rate-Limit-Remaining", "0").withHeader("ratelimit-reset", "41")
                .withHeader("zendesk-ratelimit-tickets-index", "total=100; remaining=99; resets=41")));
        ZendeskClient client = zendesk.client();
        client.showTicket(1);
        RateLimitState.Snapshot limits = client.rateLimits().snapshot();
        assertThat(limits.accountLimit()).hasValue(700);
        assertThat(limits.accountRemaining()).hasValue(0);
        assertThat(limits.endpointLimits()).containsKey("tickets-index");
        assertThat(client.rateLimits().waitBefore(ZendeskEndpoint.UPDATE_TICKET, zendesk.clock.instant()))
                .as("the account's allowance is used up until its reset").isEqualTo(Duration.ofSeconds(41));
    }

    @Test
    void what_the_classifier_does_not_recognise_is_retriable() {
        ConnectorFailure failure = new ZendeskErrorClassifier().classify(new IllegalStateException("surprise"));
        assertThat(failure.describe()).isEqualTo("retriable: the Zendesk call failed unexpectedly (IllegalStateException: surprise)");
        assertThat(new ZendeskErrorClassifier().classify(new RuntimeException("wrapped", catchThrowableOfType(ZendeskException.class,
                () -> zendesk.client(Map.of("zendesk.attachment-max-size", "1")).attachments().upload("a", null, new byte[2], Optional.empty()))))
                .kind()).as("found in the cause chain").isEqualTo(Kind.PERMANENT);
    }

    private ConnectorFailure showTicketFails() {
        ZendeskException e = catchThrowableOfType(ZendeskException.class, () -> zendesk.client().showTicket(1));
        assertThat(e).as("show ticket failed").isNotNull();
        return new ZendeskErrorClassifier(zendesk.clock).classify(e);
    }
}
