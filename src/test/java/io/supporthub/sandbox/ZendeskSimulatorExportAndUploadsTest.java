package io.supporthub.sandbox;

import static io.supporthub.sandbox.ZendeskHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.testing.MovableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's uploads and attachments, the cursor-based incremental export, and starting over. */
class ZendeskSimulatorExportAndUploadsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private ZendeskSimulator simulator;
    private ZendeskHttp hub;

    @BeforeEach
    void start() throws Exception {
        // the exports' own limit (10 a minute) is the limits test's subject; here it must not get in the way
        simulator = new ZendeskSimulator(0, null, clock, new ZendeskLimits(200, 100, 30, 1000, Duration.ZERO));
        simulator.start();
        hub = ZendeskHttp.as(simulator.baseUrl(), ZendeskSimulator.INTEGRATION_EMAIL);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private long createTicket(String body) {
        return json(hub.post("/api/v2/tickets.json", "{\"ticket\":{\"comment\":{\"body\":\"" + body + "\"}}}")).path("ticket").path("id").asLong();
    }

    private JsonNode export(String query) {
        HttpResponse<String> page = hub.get("/api/v2/incremental/tickets/cursor.json?" + query);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page);
    }

    @Test
    void uploaded_files_become_the_attachments_of_the_comment_that_names_their_token_and_are_served_at_their_content_url() {
        byte[] log = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF};
        HttpResponse<String> first = hub.upload("/api/v2/uploads.json?filename=crash.log", log, "text/plain");
        String token = json(first).path("upload").path("token").asText();
        HttpResponse<String> second = hub.upload("/api/v2/uploads.json?filename=screen.png&token=" + token, png, "image/png");
        long id = createTicket("See the files");

        HttpResponse<String> update = hub.put("/api/v2/tickets/" + id + ".json",
                "{\"ticket\":{\"comment\":{\"body\":\"Here they are\",\"uploads\":[\"" + token + "\"]}}}");
        HttpResponse<String> reused = hub.put("/api/v2/tickets/" + id + ".json",
                "{\"ticket\":{\"comment\":{\"body\":\"Again\",\"uploads\":[\"" + token + "\"]}}}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(second).path("upload").path("token").asText()).isEqualTo(token);
        assertThat(json(second).path("upload").path("attachments")).hasSize(2);
        assertThat(update.statusCode()).isEqualTo(200);
        JsonNode attachments = json(hub.get("/api/v2/tickets/" + id + "/comments.json")).path("comments").get(1).path("attachments");
        assertThat(attachments.findValuesAsText("file_name")).containsExactly("crash.log", "screen.png");
        assertThat(attachments.get(1).path("content_type").asText()).isEqualTo("image/png");
        assertThat(attachments.get(1).path("size").asInt()).isEqualTo(png.length);
        HttpResponse<byte[]> download = ZendeskHttp.download(attachments.get(1).path("content_url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(reused.statusCode()).as("a token attaches its files once").isEqualTo(422);
        assertThat(json(reused).path("details").path("uploads").get(0).path("error").asText()).isEqualTo("InvalidValue");
    }

    @Test
    void an_upload_token_expires_after_sixty_minutes_and_an_upload_needs_a_filename() {
        String token = json(hub.upload("/api/v2/uploads.json?filename=a.txt", new byte[] {'a'}, "text/plain")).path("upload").path("token").asText();
        long id = createTicket("x");
        clock.advance(Duration.ofMinutes(61));

        assertThat(hub.put("/api/v2/tickets/" + id + ".json", "{\"ticket\":{\"comment\":{\"body\":\"late\",\"uploads\":[\"" + token + "\"]}}}")
                .statusCode()).isEqualTo(422);
        assertThat(hub.upload("/api/v2/uploads.json", new byte[] {'a'}, "text/plain").statusCode()).isEqualTo(422);
    }

    @Test
    void the_export_reads_tickets_changed_since_start_time_in_pages_and_resumes_from_its_cursor() {
        long old = createTicket("before");
        clock.advance(Duration.ofMinutes(5));
        long since = clock.instant().getEpochSecond();
        long a = createTicket("a");
        long b = createTicket("b");
        long c = createTicket("c");

        JsonNode first = export("start_time=" + since + "&per_page=2");
        JsonNode second = export("cursor=" + first.path("after_cursor").asText() + "&per_page=2");

        assertThat(first.path("tickets").findValuesAsText("id")).containsExactly(Long.toString(a), Long.toString(b));
        assertThat(first.path("end_of_stream").asBoolean()).isFalse();
        assertThat(first.path("after_url").asText()).endsWith("cursor=" + first.path("after_cursor").asText());
        assertThat(second.path("tickets").findValuesAsText("id")).containsExactly(Long.toString(c));
        assertThat(second.path("end_of_stream").asBoolean()).isTrue();
        assertThat(second.path("tickets").findValuesAsText("id")).doesNotContain(Long.toString(old));

        clock.advance(Duration.ofMinutes(1));
        hub.put("/api/v2/tickets/" + a + ".json", "{\"ticket\":{\"status\":\"pending\"}}");
        JsonNode later = export("cursor=" + second.path("after_cursor").asText());
        assertThat(later.path("tickets").findValuesAsText("id")).as("a ticket changed again comes once more, at its new state")
                .containsExactly(Long.toString(a));
        assertThat(later.path("tickets").get(0).path("status").asText()).isEqualTo("pending");
        assertThat(export("cursor=" + later.path("after_cursor").asText()).path("tickets")).isEmpty();
    }

    @Test
    void with_the_one_minute_lag_asked_for_the_export_leaves_out_the_last_minute_and_its_cursor_waits_before_it() {
        ZendeskHttp.simulator(simulator.baseUrl(), "POST", "/_sim/limits", "{\"export_lag_seconds\":60}");
        long start = clock.instant().getEpochSecond() - 120;
        long id = createTicket("fresh");

        JsonNode now = export("start_time=" + start);
        clock.advance(Duration.ofSeconds(61));
        JsonNode after = export("cursor=" + now.path("after_cursor").asText());

        assertThat(now.path("tickets")).isEmpty();
        assertThat(now.path("end_of_stream").asBoolean()).isTrue();
        assertThat(after.path("tickets").findValuesAsText("id")).containsExactly(Long.toString(id));
        assertThat(hub.get("/api/v2/incremental/tickets/cursor.json?start_time=" + clock.instant().getEpochSecond()).statusCode())
                .as("a start_time within the lag is refused").isEqualTo(400);
    }

    @Test
    void the_export_needs_a_start_time_or_a_cursor_of_its_own() {
        assertThat(hub.get("/api/v2/incremental/tickets/cursor.json").statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/v2/incremental/tickets/cursor.json?cursor=bm90LW91cnM").statusCode()).isEqualTo(400);
    }

    @Test
    void a_reset_goes_back_to_the_seeded_account_without_handing_out_an_id_again() {
        long before = createTicket("x");
        hub.post("/api/v2/users/create_or_update.json", "{\"user\":{\"name\":\"Temp\",\"email\":\"temp@example.com\"}}");
        ZendeskHttp.simulator(simulator.baseUrl(), "POST", "/_sim/faults", "{\"status\":500,\"count\":5}");

        assertThat(ZendeskHttp.simulator(simulator.baseUrl(), "POST", "/_sim/reset", null).statusCode()).isEqualTo(200);

        assertThat(hub.get("/api/v2/tickets/" + before + ".json").statusCode()).isEqualTo(404);
        assertThat(json(hub.get("/api/v2/users/search.json?query=email:temp@example.com")).path("users")).isEmpty();
        assertThat(json(hub.get("/api/v2/users/me.json")).path("user").path("email").asText()).isEqualTo(ZendeskSimulator.INTEGRATION_EMAIL);
        assertThat(createTicket("y")).isGreaterThan(before);
        assertThat(ZendeskHttp.json(ZendeskHttp.simulator(simulator.baseUrl(), "GET", "/_sim/tickets", null))).hasSize(1);
    }
}
