package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.admin.ApiRole;
import io.supporthub.admin.ApiTokens;
import io.supporthub.db.Transactions;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API through the real routes: tokens and roles, creation through the pipeline, reading, listing and paging. */
class TicketApiIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static HubApplication hub;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePort.next();
        hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(port)).start();
        base = "http://127.0.0.1:" + port + "/api/v1/tickets";
        new ApiTokens(new Transactions(hub.dataSource())).install("viewer", "viewer-token", ApiRole.VIEWER);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void posted_ticket_goes_through_the_pipeline_and_reads_back_with_its_timeline() throws Exception {
        HttpResponse<String> created = post(HubUnderTest.ADMIN_TOKEN, """
                {"requester_email": "Dana@Example.com", "requester_name": "Dana", "subject": "Refund for order 1182",
                 "message": "Please refund the $1,250.00 I was charged twice."}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ticket = JSON.readTree(created.body());
        assertThat(ticket.path("tier").asText()).isEqualTo("T2");
        assertThat(ticket.path("queue").asText()).isEqualTo("human-approval");
        assertThat(ticket.path("requester_email").asText()).isEqualTo("dana@example.com");
        assertThat(ticket.path("customer").path("lookup").asText()).isEqualTo("crm_disabled");

        HttpResponse<String> read = get(ticket.path("key").asText(), "viewer-token");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Authorization")).isEmpty();
        JsonNode timeline = JSON.readTree(read.body()).path("timeline");
        assertThat(timeline.findValuesAsText("type")).contains("received", "customer_enriched", "categorized", "prioritized", "flagged", "routed");
        assertThat(read.body()).contains("refund of USD 1250.00 is above the approval limit of 500");
    }

    @Test
    void list_filters_by_tier_and_pages_with_a_cursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            post(HubUnderTest.ADMIN_TOKEN, "{\"requester_email\": \"pager@example.com\", \"subject\": \"Password reset " + i
                    + "\", \"message\": \"I cannot reset my password\"}");
        }
        JsonNode first = JSON.readTree(get("?requester=pager@example.com&tier=T1&limit=2", "viewer-token").body());
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("subject").asText()).isEqualTo("Password reset 2");
        JsonNode second = JSON.readTree(get("?requester=pager@example.com&tier=T1&limit=2&cursor=" + first.path("next_cursor").asText(),
                "viewer-token").body());
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void requests_without_a_valid_token_or_role_are_refused_with_a_json_error() throws Exception {
        assertThat(get("", null).statusCode()).isEqualTo(401);
        assertThat(get("", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> viewerPost = post("viewer-token", "{\"requester_email\":\"a@b.co\",\"subject\":\"s\",\"message\":\"m\"}");
        assertThat(viewerPost.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(viewerPost.body()).path("error").asText()).contains("agent is needed");
    }

    @Test
    void invalid_requests_get_a_400_that_names_the_problem() throws Exception {
        assertThat(post(HubUnderTest.ADMIN_TOKEN, "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = post(HubUnderTest.ADMIN_TOKEN, "{\"subject\":\"s\",\"message\":\"m\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("requester_email is required");
        assertThat(get("?priority=P9", HubUnderTest.ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/SH-999999", HubUnderTest.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> post(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String suffix, String token) throws Exception {
        String path = suffix.isEmpty() || suffix.startsWith("?") || suffix.startsWith("/") ? suffix : "/" + suffix;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
