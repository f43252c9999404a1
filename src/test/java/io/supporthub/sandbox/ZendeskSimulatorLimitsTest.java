package io.supporthub.sandbox;

import static io.supporthub.sandbox.ZendeskHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.supporthub.testing.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Zendesk's documented rate limits, counted on a clock the test moves (N calls, then 429 with Retry-After; never wall
 * time), and the faults the simulator plays on demand.
 */
class ZendeskSimulatorLimitsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private ZendeskSimulator simulator;
    private ZendeskHttp hub;

    private void start(ZendeskLimits limits) throws Exception {
        simulator = new ZendeskSimulator(0, null, clock, limits);
        simulator.start();
        hub = ZendeskHttp.as(simulator.baseUrl(), ZendeskSimulator.INTEGRATION_EMAIL);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private long createTicket() {
        return json(hub.post("/api/v2/tickets.json", "{\"ticket\":{\"comment\":{\"body\":\"x\"}}}")).path("ticket").path("id").asLong();
    }

    @Test
    void the_team_plan_allows_200_requests_a_minute_then_answers_429_with_retry_after_until_the_minute_is_over() throws Exception {
        start(ZendeskLimits.TEAM_PLAN);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(hub.get("/api/v2/users/me.json"));
        }
        clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> over = hub.get("/api/v2/users/me.json");

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(answers.get(0).headers().firstValue("X-Rate-Limit")).hasValue("200");
        assertThat(answers.get(0).headers().firstValue("X-Rate-Limit-Remaining")).hasValue("199");
        assertThat(answers.get(199).headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).hasValue("40");
        assertThat(over.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
        assertThat(over.body()).isEqualTo("Number of allowed API requests per minute exceeded");

        clock.advance(Duration.ofSeconds(40));
        assertThat(hub.get("/api/v2/users/me.json").statusCode()).isEqualTo(200);
    }

    @Test
    void one_user_may_update_one_ticket_30_times_in_10_minutes_other_tickets_still_update() throws Exception {
        start(new ZendeskLimits(1000, 100, 30, 10, Duration.ZERO));
        long busy = createTicket();
        long other = createTicket();
        for (int i = 0; i < 30; i++) {
            assertThat(hub.put("/api/v2/tickets/" + busy + ".json", "{\"ticket\":{\"tags\":[\"t" + i + "\"]}}").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> thirtyFirst = hub.put("/api/v2/tickets/" + busy + ".json", "{\"ticket\":{\"tags\":[\"late\"]}}");

        assertThat(thirtyFirst.statusCode()).isEqualTo(429);
        assertThat(thirtyFirst.headers().firstValue("Retry-After")).hasValue("600");
        assertThat(json(thirtyFirst).path("error").asText()).isEqualTo("APIRateLimitExceeded");
        assertThat(hub.put("/api/v2/tickets/" + other + ".json", "{\"ticket\":{\"tags\":[\"x\"]}}").statusCode()).isEqualTo(200);
        assertThat(ZendeskHttp.as(simulator.baseUrl(), ZendeskSimulator.AGENT_EMAIL)
                .put("/api/v2/tickets/" + busy + ".json", "{\"ticket\":{\"tags\":[\"agent\"]}}").statusCode())
                .as("the limit is per user and ticket").isEqualTo(200);
        clock.advance(Duration.ofMinutes(10));
        assertThat(hub.put("/api/v2/tickets/" + busy + ".json", "{\"ticket\":{\"tags\":[\"again\"]}}").statusCode()).isEqualTo(200);
    }

    @Test
    void the_account_may_update_tickets_100_times_a_minute() throws Exception {
        start(new ZendeskLimits(1000, 100, 30, 10, Duration.ZERO));
        List<Long> tickets = List.of(createTicket(), createTicket(), createTicket(), createTicket());
        for (int i = 0; i < 100; i++) {
            assertThat(hub.put("/api/v2/tickets/" + tickets.get(i % 4) + ".json", "{\"ticket\":{\"tags\":[\"t" + i + "\"]}}").statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> over = hub.put("/api/v2/tickets/" + tickets.get(0) + ".json", "{\"ticket\":{\"tags\":[\"late\"]}}");

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(hub.get("/api/v2/tickets/" + tickets.get(0) + ".json").statusCode()).as("reading is not updating").isEqualTo(200);
    }

    @Test
    void the_incremental_export_answers_10_requests_a_minute() throws Exception {
        start(ZendeskLimits.TEAM_PLAN);
        for (int i = 0; i < 10; i++) {
            assertThat(hub.get("/api/v2/incremental/tickets/cursor.json?start_time=0").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> eleventh = hub.get("/api/v2/incremental/tickets/cursor.json?start_time=0");

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(json(eleventh).path("description").asText()).isEqualTo("Number of allowed incremental export API requests per minute exceeded");
    }

    @Test
    void a_429_fault_answers_the_next_requests_with_its_retry_after_then_the_api_answers_again() throws Exception {
        start(ZendeskLimits.TEAM_PLAN);
        HttpResponse<String> asked = ZendeskHttp.simulator(simulator.baseUrl(), "POST", "/_sim/faults", "{\"status\":429,\"retry_after\":3,\"count\":2}");

        HttpResponse<String> first = hub.get("/api/v2/users/me.json");
        HttpResponse<String> second = hub.get("/api/v2/tickets.json");
        HttpResponse<String> third = hub.get("/api/v2/users/me.json");

        assertThat(asked.statusCode()).isEqualTo(201);
        for (HttpResponse<String> faulted : List.of(first, second)) {
            assertThat(faulted.statusCode()).isEqualTo(429);
            assertThat(faulted.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(faulted.headers().firstValue("X-Rate-Limit")).hasValue("200");
        }
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(json(ZendeskHttp.simulator(simulator.baseUrl(), "GET", "/_sim/faults", null))).isEmpty();
    }

    @Test
    void a_500_fault_can_be_aimed_at_one_method_and_path_and_changes_nothing() throws Exception {
        start(ZendeskLimits.TEAM_PLAN);
        ZendeskHttp.simulator(simulator.baseUrl(), "POST", "/_sim/faults", "{\"status\":500,\"count\":2,\"method\":\"POST\",\"path\":\"/api/v2/tickets\"}");

        HttpResponse<String> read = hub.get("/api/v2/tickets.json");
        HttpResponse<String> failed = hub.post("/api/v2/tickets.json", "{\"ticket\":{\"comment\":{\"body\":\"x\"}}}");
        hub.post("/api/v2/tickets.json", "{\"ticket\":{\"comment\":{\"body\":\"x\"}}}");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(json(hub.get("/api/v2/tickets.json")).path("tickets")).isEmpty();
        assertThat(createTicket()).isPositive();
        assertThat(ZendeskHttp.simulator(simulator.baseUrl(), "POST", "/_sim/faults", "{\"status\":200}").statusCode())
                .as("a fault is an error status or a delay").isEqualTo(400);
    }

    @Test
    void a_slow_fault_makes_a_client_that_waits_less_time_out_and_the_request_still_takes_effect() throws Exception {
        start(ZendeskLimits.TEAM_PLAN);
        ZendeskHttp.simulator(simulator.baseUrl(), "POST", "/_sim/faults", "{\"delay_ms\":2000,\"count\":1}");
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api/v2/tickets.json")).timeout(Duration.ofMillis(200))
                .header("Authorization", "Bearer " + ZendeskSimulator.OAUTH_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":{\"comment\":{\"body\":\"slow\"}}}")).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> json(hub.get("/api/v2/tickets.json")).path("tickets").size() == 1);
    }
}
