package io.supporthub.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.supporthub.connector.zendesk.WireMockZendesk.NOW;
import static io.supporthub.connector.zendesk.WireMockZendesk.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConnectorFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cursor-based incremental export: start time, then cursors, end of stream, its one-minute lag and its pace. */
class ZendeskTicketExportTest {

    @RegisterExtension
    final WireMockZendesk zendesk = new WireMockZendesk();

    static final String PAGE = """
            {"tickets": [{"id": 35436, "external_id": "SH-1001", "status": "open", "updated_at": "2026-12-04T08:40:00Z",
                          "generated_timestamp": 1796373600}],
             "after_cursor": "MTU3NjYxMzUzOS4wfHw0Njd8", "after_url": "https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=MTU3NjYxMzUzOS4wfHw0Njd8",
             "before_cursor": null, "before_url": null, "end_of_stream": %s}""";

    @Test
    void the_first_request_starts_at_a_time_and_the_next_goes_on_from_the_cursor_until_the_end_of_the_stream() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).withQueryParam("start_time", equalTo("1796371200"))
                .willReturn(json(200, PAGE.formatted("false"))));
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).withQueryParam("cursor", equalTo("MTU3NjYxMzUzOS4wfHw0Njd8"))
                .willReturn(json(200, "{\"tickets\": [], \"after_cursor\": \"MTU3NjYxMzU5OS4wfHw0Njh8\", \"end_of_stream\": true}")));
        ZendeskTicketExport export = zendesk.client().export();

        ExportPage first = export.next(ExportPosition.startingAt(Instant.parse("2026-12-04T08:00:00Z")));
        assertThat(first.tickets()).singleElement().extracting(ZendeskTicket::externalId).isEqualTo("SH-1001");
        assertThat(first.endOfStream()).isFalse();
        assertThat(first.next()).isEqualTo(ExportPosition.after("MTU3NjYxMzUzOS4wfHw0Njd8"));

        ExportPage second = export.next(first.next());
        assertThat(second.tickets()).isEmpty();
        assertThat(second.endOfStream()).isTrue();
        assertThat(second.next().encode()).as("the stream goes on from here on the next poll").isEqualTo("cursor:MTU3NjYxMzU5OS4wfHw0Njh8");
    }

    @Test
    void each_page_says_what_zendesk_s_one_minute_lag_leaves_out() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).willReturn(json(200, PAGE.formatted("true"))));
        ExportPage page = zendesk.client().export().next(ExportPosition.after("abc"));
        assertThat(page.settledBefore()).isEqualTo(NOW.minus(Duration.ofMinutes(1)));
    }

    @Test
    void a_start_time_within_the_last_minute_is_moved_back_to_one_zendesk_accepts() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).willReturn(json(200, PAGE.formatted("true"))));
        zendesk.client().export().next(ExportPosition.startingAt(NOW.minusSeconds(10)));
        long expected = NOW.minusSeconds(61).getEpochSecond();
        zendesk.server.verify(getRequestedFor(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).withQueryParam("start_time",
                equalTo(Long.toString(expected))));
    }

    @Test
    void the_hub_sends_at_most_ten_export_requests_a_minute_and_holds_the_eleventh_back_unsent() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).willReturn(json(200, PAGE.formatted("false"))));
        ZendeskTicketExport export = zendesk.client().export();
        for (int i = 0; i < 10; i++) {
            zendesk.clock.advance(Duration.ofSeconds(1));
            export.next(ExportPosition.after("c" + i));
        }
        assertThatThrownBy(() -> export.next(ExportPosition.after("c10"))).isInstanceOfSatisfying(ZendeskException.class, e -> {
            assertThat(e.problem()).isEqualTo(ZendeskException.Problem.HELD_BACK);
            // the first of the ten went at 09:00:01 and leaves the window at 09:01:01
            assertThat(e.heldBackFor()).hasValue(Duration.ofSeconds(51));
            ConnectorFailure failure = new ZendeskErrorClassifier(zendesk.clock).classify(e);
            assertThat(failure.kind()).isEqualTo(ConnectorFailure.Kind.RATE_LIMITED);
            assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(51));
        });
        assertThat(zendesk.server.getAllServeEvents()).hasSize(10);
        assertThat(export.waitBeforeNext()).isEqualTo(Duration.ofSeconds(51));

        zendesk.clock.advance(Duration.ofSeconds(51));
        assertThat(export.waitBeforeNext()).isZero();
        export.next(ExportPosition.after("c10"));
        assertThat(zendesk.server.getAllServeEvents()).hasSize(11);
    }

    @Test
    void the_high_volume_add_on_s_thirty_a_minute_is_a_setting() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).willReturn(json(200, PAGE.formatted("false"))));
        ZendeskTicketExport export = zendesk.client(Map.of("zendesk.export-requests-per-minute", "30")).export();
        for (int i = 0; i < 30; i++) {
            export.next(ExportPosition.after("c" + i));
        }
        assertThatThrownBy(() -> export.next(ExportPosition.after("c30"))).isInstanceOf(ZendeskException.class);
        assertThat(zendesk.server.getAllServeEvents()).hasSize(30);
    }

    @Test
    void after_a_429_the_export_waits_out_its_retry_after_without_sending() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).willReturn(json(429,
                "{\"error\": \"APIRateLimitExceeded\", \"description\": \"Number of allowed incremental export API requests per minute exceeded\"}")
                .withHeader("Retry-After", "45")));
        ZendeskTicketExport export = zendesk.client().export();

        assertThatThrownBy(() -> export.next(ExportPosition.after("abc"))).isInstanceOfSatisfying(ZendeskException.class, e -> {
            ConnectorFailure failure = new ZendeskErrorClassifier(zendesk.clock).classify(e);
            assertThat(failure.kind()).isEqualTo(ConnectorFailure.Kind.RATE_LIMITED);
            assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(45));
            assertThat(failure.reason()).contains("APIRateLimitExceeded");
        });
        zendesk.clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> export.next(ExportPosition.after("abc"))).isInstanceOfSatisfying(ZendeskException.class,
                e -> assertThat(e.heldBackFor()).hasValue(Duration.ofSeconds(15)));
        assertThat(zendesk.server.getAllServeEvents()).as("the held-back request was not sent").hasSize(1);
    }

    @Test
    void an_answer_without_a_cursor_ends_the_stream_where_it_was_rather_than_asking_the_same_again() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor")).willReturn(json(200, "{\"tickets\": []}")));
        ExportPage page = zendesk.client().export().next(ExportPosition.after("abc"));
        assertThat(page.endOfStream()).isTrue();
        assertThat(page.next()).isEqualTo(ExportPosition.after("abc"));
    }

    @Test
    void a_position_is_stored_as_text_and_read_back() {
        assertThat(ExportPosition.decode(ExportPosition.after("MTU3NjYxMzUzOS4wfHw0Njd8").encode())).isEqualTo(ExportPosition.after("MTU3NjYxMzUzOS4wfHw0Njd8"));
        ExportPosition start = ExportPosition.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(start.encode()).isEqualTo("start:2026-01-01T00:00:00Z");
        assertThat(ExportPosition.decode(start.encode())).isEqualTo(start);
        assertThatThrownBy(() -> ExportPosition.decode("start:yesterday"))
                .hasMessage("not a Zendesk export position: 'start:yesterday' (expected cursor:… or start:<ISO instant>)");
    }
}
