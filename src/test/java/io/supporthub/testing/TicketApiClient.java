package io.supporthub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The ticket API as a test uses it: create through the pipeline, read back with the timeline. */
public final class TicketApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String tickets;

    public TicketApiClient(int apiPort) {
        this.tickets = "http://127.0.0.1:" + apiPort + "/api/v1/tickets";
    }

    /** Creates a ticket as the admin and returns it; anything but 201 fails the test. */
    public JsonNode create(String email, String subject, String message) {
        try {
            String body = JSON.writeValueAsString(Map.of("requester_email", email, "subject", subject, "message", message));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tickets))
                    .header("Authorization", "Bearer " + HubUnderTest.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tickets list with the given query, e.g. {@code review_flag=unverified_sender}. */
    public JsonNode list(String query) {
        return get(tickets + "?" + query);
    }

    public JsonNode read(String key) {
        return get(tickets + "/" + key);
    }

    private static JsonNode get(String url) {
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + HubUnderTest.ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
