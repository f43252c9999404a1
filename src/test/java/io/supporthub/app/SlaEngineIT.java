package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.supporthub.admin.ApiRole;
import io.supporthub.admin.ApiTokens;
import io.supporthub.app.flow.SlaMetrics;
import io.supporthub.db.Transactions;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.MovableClock;
import io.supporthub.testing.Rows;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLA engine through the real app: the clustered Quartz sweep fires warnings as the hub's
 * clock moves, alerts reach Slack in the channel of the ticket's queue or audience, and the API
 * changes tickets (with optimistic locking), records ratings, simulates policies and summarises.
 */
class SlaEngineIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final WireMockServer slack = new WireMockServer(options().dynamicPort());
    static final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static HubApplication hub;
    static String api;
    static int management;

    @BeforeAll
    static void start() throws Exception {
        slack.start();
        slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0TEST\",\"ts\":\"1700000000.000100\"}")));
        slack.stubFor(post("/api/auth.test").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"team_id\":\"T000\"}")));
        int port = FreePort.next();
        management = FreePort.next();
        hub = new HubUnderTest().clock(clock).camelProperty("camel.server.port", Integer.toString(port))
                .camelProperty("camel.management.port", Integer.toString(management))
                .slackToken(slack.baseUrl(), Map.of("slack.channels", "queue:emergency=#incidents, tier:T2=#t2-queue, audience:manager=#support-leads"))
                .start();
        api = "http://127.0.0.1:" + port + "/api/v1";
        new ApiTokens(new Transactions(hub.dataSource())).install("viewer", "viewer-token", ApiRole.VIEWER);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        slack.stop();
    }

    @Test
    void a_p1_ticket_warns_in_its_queue_channel_as_the_clock_moves_and_an_agent_reply_meets_first_response() throws Exception {
        JsonNode ticket = created("Production is down", "Urgent: production is down for all users, nobody can work.");
        String key = ticket.path("key").asText();
        JsonNode firstResponse = clockOf(ticket, "first_response");
        assertThat(firstResponse.path("policy").asText()).isEqualTo("email-p1");
        assertThat(Instant.parse(firstResponse.path("due_at").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(ticket.path("timeline").findValuesAsText("type")).contains("sla_started");

        clock.advance(Duration.ofMinutes(7).plusSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> slackMessages().stream().anyMatch(m -> m.contains("SLA warning") && m.contains(key)));
        String warning = slackMessages().stream().filter(m -> m.contains("SLA warning")).findFirst().orElseThrow();
        assertThat(warning).contains("channel=#incidents", "first response 50 % used: 7m 30s left of 15m");
        assertThat(Rows.count(hub.dataSource(), "select count(*) from sla_step s join ticket t on t.id = s.ticket_id where t.key = ?", key))
                .isEqualTo(1);

        HttpResponse<String> reply = send("POST", "/tickets/" + key + "/comments", HubUnderTest.ADMIN_TOKEN,
                "{\"body\": \"We are on it.\", \"author\": \"agent.smith\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(clockOf(JSON.readTree(reply.body()), "first_response").path("outcome").asText()).isEqualTo("met");
        assertThat(JSON.readTree(reply.body()).path("status").asText()).isEqualTo("open");
    }

    @Test
    void a_status_change_needs_the_current_version_and_pending_customer_pauses_the_clocks() throws Exception {
        JsonNode ticket = created("Invoice question", "Why is my invoice higher this month?");
        String key = ticket.path("key").asText();
        int version = ticket.path("version").asInt();

        HttpResponse<String> paused = send("PATCH", "/tickets/" + key, HubUnderTest.ADMIN_TOKEN,
                "{\"version\": " + version + ", \"status\": \"pending_customer\"}");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(paused.body());
        assertThat(after.path("status").asText()).isEqualTo("pending_customer");
        assertThat(clockOf(after, "first_response").path("state").asText()).isEqualTo("paused");
        assertThat(after.path("version").asInt()).isGreaterThan(version);

        HttpResponse<String> stale = send("PATCH", "/tickets/" + key, HubUnderTest.ADMIN_TOKEN, "{\"version\": " + version + ", \"priority\": \"P1\"}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).path("error").asText()).contains("read it again");
        assertThat(send("PATCH", "/tickets/" + key, HubUnderTest.ADMIN_TOKEN, "{\"version\": 1, \"status\": \"asleep\"}").statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/tickets/" + key, "viewer-token", "{\"version\": 1, \"status\": \"open\"}").statusCode()).isEqualTo(403);
        assertThat(send("PATCH", "/tickets/SH-999999", HubUnderTest.ADMIN_TOKEN, "{\"version\": 1, \"status\": \"open\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void a_poor_rating_is_recorded_and_brings_the_ticket_to_the_managers_channel() throws Exception {
        JsonNode ticket = created("Password reset", "I cannot reset my password");
        String key = ticket.path("key").asText();

        HttpResponse<String> rated = send("POST", "/tickets/" + key + "/satisfaction", HubUnderTest.ADMIN_TOKEN, "{\"score\": 2, \"comment\": \"slow\"}");

        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
        assertThat(JSON.readTree(rated.body()).path("timeline").findValuesAsText("type")).contains("satisfaction_rated", "manager_review_requested");
        await().atMost(Duration.ofSeconds(10)).until(() -> slackMessages().stream()
                .anyMatch(m -> m.contains(key) && m.contains("Manager review") && m.contains("channel=#support-leads")));
        assertThat(send("POST", "/tickets/" + key + "/satisfaction", HubUnderTest.ADMIN_TOKEN, "{\"score\": 9}").statusCode()).isEqualTo(422);
    }

    @Test
    void a_rating_link_of_the_follow_up_mail_asks_to_confirm_and_the_confirmation_records_once() throws Exception {
        JsonNode ticket = created("Thanks", "It works now, thank you.");
        String key = ticket.path("key").asText();
        Rows.all(hub.dataSource(), "insert into satisfaction_survey (token, ticket_id, created_at) "
                + "select 'survey-token-for-the-test', id, now() from ticket where key = ? returning token", key);
        String survey = api.replace("/api/v1", "/survey/") + "survey-token-for-the-test";

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(survey + "?score=5")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "name=\"score\" value=\"5\"");
        assertThat(ratings(key)).as("opening the link records nothing").isZero();

        HttpResponse<String> answer = confirm(survey, "score=5");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("your rating for " + key + " is recorded");
        assertThat(ratings(key)).isEqualTo(1);
        assertThat(confirm(survey, "score=1").statusCode()).as("once per survey").isEqualTo(422);
        assertThat(confirm(api.replace("/api/v1", "/survey/") + "guessed", "score=1").statusCode()).isEqualTo(404);
        assertThat(confirm(survey, "score=9").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> confirm(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long ratings(String key) {
        return Rows.count(hub.dataSource(), "select count(*) from ticket_satisfaction s join ticket t on t.id = s.ticket_id "
                + "where t.key = ? and s.source = 'survey'", key);
    }

    @Test
    void admins_simulate_a_policy_as_the_issue_describes_it() throws Exception {
        String request = """
                {"calendar": {"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"]},
                              "holidays": ["2026-12-25"]},
                 "targets": {"first_response": "PT4H", "resolution": "PT24H"},
                 "start": "2026-11-23T08:00:00Z",
                 "events": [{"at": "2026-11-23T10:00:00Z", "status": "pending_customer"}, {"at": "2026-11-23T11:00:00Z", "status": "open"}],
                 "warnings": [50, 75, 90]}""";

        HttpResponse<String> response = send("POST", "/sla/simulate", HubUnderTest.ADMIN_TOKEN, request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        // Monday 09:00 Berlin, 2 h run, paused 11:00-12:00, 2 h more: 14:00 Berlin
        assertThat(result.path("first_response").path("due").asText()).isEqualTo("2026-11-23T13:00:00Z");
        assertThat(result.path("first_response").path("warnings").path("50").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(result.path("resolution").path("warnings").fieldNames()).toIterable().containsExactly("50", "75", "90");
        assertThat(send("POST", "/sla/simulate", "viewer-token", request).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = send("POST", "/sla/simulate", HubUnderTest.ADMIN_TOKEN, request.replace("pending_customer", "waiting"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).startsWith("events[0].status");
    }

    @Test
    void the_summary_and_the_metrics_count_open_tickets_by_standing_tier_and_priority() throws Exception {
        created("Another outage", "Urgent: the whole site is down for all users.");
        clock.advance(Duration.ofHours(5)); // every P1 clock so far is past its target

        HttpResponse<String> response = send("GET", "/sla/summary", "viewer-token", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.path("totals").path("breached").asLong()).isPositive();
        assertThat(summary.path("by_priority").path("P1").path("breached").asLong()).isPositive();
        assertThat(summary.path("by_tier_and_priority").findValuesAsText("tier")).contains("T3");
        ((SlaMetrics) hub.camelContext().getRegistry().lookupByName("slaMetrics")).refresh();
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("supporthub_sla_tickets\\{priority=\"P1\",standing=\"breached\",tier=\"T3\"\\} [1-9]");
        await().atMost(Duration.ofSeconds(10)).until(() -> HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort() + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body()
                .contains("supporthub_sla_steps_fired_total"));
    }

    private static JsonNode created(String subject, String message) throws Exception {
        HttpResponse<String> response = send("POST", "/tickets", HubUnderTest.ADMIN_TOKEN,
                JSON.writeValueAsString(Map.of("requester_email", "ava@acme.example", "subject", subject, "message", message)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static JsonNode clockOf(JsonNode ticket, String metric) {
        for (JsonNode clock : ticket.path("sla")) {
            if (clock.path("metric").asText().equals(metric)) {
                return clock;
            }
        }
        throw new AssertionError("no " + metric + " clock on " + ticket);
    }

    private static List<String> slackMessages() {
        return slack.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/api/chat.postMessage"))
                .map(e -> URLDecoder.decode(e.getRequest().getBodyAsString(), StandardCharsets.UTF_8)).toList();
    }

    private static int managementPort() {
        return management;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
