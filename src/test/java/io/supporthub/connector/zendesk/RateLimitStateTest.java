package io.supporthub.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zendesk's rate-limit headers as documented, and what a dispatcher is told to wait. */
class RateLimitStateTest {

    static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void the_documented_headers_of_a_ticketing_list_answer_are_read_whatever_their_case() {
        RateLimitReading reading = RateLimitReading.of(Map.of("x-rate-limit", List.of("700"), "ratelimit-limit", List.of("700"),
                "X-Rate-Limit-Remaining", List.of("699"), "ratelimit-remaining", List.of("699"), "ratelimit-reset", List.of("41"),
                "Zendesk-RateLimit-tickets-index", List.of("total=100; remaining=99; resets=41")), T0);
        assertThat(reading.accountLimit()).hasValue(700);
        assertThat(reading.accountRemaining()).hasValue(699);
        assertThat(reading.accountResetIn()).hasValue(Duration.ofSeconds(41));
        assertThat(reading.endpointLimits()).containsEntry("tickets-index", new RateLimitReading.EndpointLimit(100, 99, Duration.ofSeconds(41)));
        assertThat(reading.accountExhausted()).isFalse();
    }

    @Test
    void the_newer_ratelimit_headers_alone_are_enough_and_unreadable_values_count_as_absent() {
        RateLimitReading reading = RateLimitReading.of(Map.of("ratelimit-limit", List.of("400"), "ratelimit-remaining", List.of("0"),
                "x-rate-limit", List.of("lots"), "zendesk-ratelimit-weird", List.of("no numbers here")), T0);
        assertThat(reading.accountLimit()).hasValue(400);
        assertThat(reading.accountExhausted()).isTrue();
        assertThat(reading.endpointLimits()).isEmpty();
        assertThat(RateLimitReading.of(Map.of(), T0)).isEqualTo(RateLimitReading.NONE);
    }

    @Test
    void a_429_for_one_operation_while_the_account_has_requests_left_blocks_that_operation_alone() {
        RateLimitState state = new RateLimitState();
        state.record(ZendeskEndpoint.UPDATE_TICKET, 429, RateLimitReading.of(Map.of("Retry-After", List.of("93"),
                "X-Rate-Limit-Remaining", List.of("650")), T0), T0);
        assertThat(state.waitBefore(ZendeskEndpoint.UPDATE_TICKET, T0.plusSeconds(3))).isEqualTo(Duration.ofSeconds(90));
        assertThat(state.waitBefore(ZendeskEndpoint.SHOW_TICKET, T0.plusSeconds(3))).isZero();
        assertThat(state.waitBefore(ZendeskEndpoint.UPDATE_TICKET, T0.plusSeconds(93))).isZero();
        assertThat(state.snapshot().blockedUntil()).containsEntry(ZendeskEndpoint.UPDATE_TICKET, T0.plusSeconds(93));
    }

    @Test
    void a_429_with_the_account_s_allowance_used_up_blocks_every_operation() {
        RateLimitState state = new RateLimitState();
        state.record(ZendeskEndpoint.SHOW_TICKET, 429, RateLimitReading.of(Map.of("Retry-After", List.of("30"),
                "X-Rate-Limit", List.of("200"), "X-Rate-Limit-Remaining", List.of("0")), T0), T0);
        assertThat(state.waitBefore(ZendeskEndpoint.CREATE_TICKET, T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(50));
        assertThat(state.snapshot().accountBlockedUntil()).hasValue(T0.plusSeconds(30));
    }

    @Test
    void an_allowance_used_up_without_a_reset_header_waits_for_the_next_minute_then_a_fresh_answer_clears_it() {
        RateLimitState state = new RateLimitState();
        state.record(ZendeskEndpoint.SHOW_TICKET, 200, RateLimitReading.of(Map.of("X-Rate-Limit-Remaining", List.of("0")), T0), T0);
        assertThat(state.waitBefore(ZendeskEndpoint.SHOW_TICKET, T0.plusSeconds(15))).isEqualTo(Duration.ofSeconds(45));
        state.record(ZendeskEndpoint.SHOW_TICKET, 200, RateLimitReading.of(Map.of("X-Rate-Limit-Remaining", List.of("199")), T0.plusSeconds(60)),
                T0.plusSeconds(60));
        assertThat(state.waitBefore(ZendeskEndpoint.SHOW_TICKET, T0.plusSeconds(60))).isZero();
        assertThat(state.snapshot().accountRemaining()).hasValue(199);
    }

    @Test
    void an_answer_without_rate_limit_headers_keeps_what_was_known() {
        RateLimitState state = new RateLimitState();
        state.record(ZendeskEndpoint.SHOW_TICKET, 200, RateLimitReading.of(Map.of("X-Rate-Limit-Remaining", List.of("12")), T0), T0);
        state.record(ZendeskEndpoint.DOWNLOAD_ATTACHMENT, 200, RateLimitReading.NONE, T0.plusSeconds(1));
        assertThat(state.snapshot().accountRemaining()).hasValue(12);
        assertThat(state.snapshot().observedAt()).hasValue(T0);
    }

    @Test
    void the_request_budget_allows_its_number_in_any_sliding_minute() {
        RequestBudget budget = new RequestBudget(2);
        assertThat(budget.take(T0)).isZero();
        assertThat(budget.take(T0.plusSeconds(20))).isZero();
        assertThat(budget.take(T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(budget.take(T0.plusSeconds(60))).isZero();
        assertThat(budget.peek(T0.plusSeconds(61))).isEqualTo(Duration.ofSeconds(19));
    }
}
