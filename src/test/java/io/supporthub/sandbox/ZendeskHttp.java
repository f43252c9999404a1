package io.supporthub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client of the Zendesk simulator, as any Zendesk client talks to Zendesk: Basic auth with an API token. */
final class ZendeskHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;

    private ZendeskHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** A client signing in as {@code email} with the account's API token. */
    static ZendeskHttp as(String baseUrl, String email) {
        return new ZendeskHttp(baseUrl, "Basic " + Base64.getEncoder().encodeToString(
                (email + "/token:" + ZendeskSimulator.API_TOKEN).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client sending this {@code Authorization} header as it is (or none when null). */
    static ZendeskHttp withAuthorization(String baseUrl, String authorization) {
        return new ZendeskHttp(baseUrl, authorization);
    }

    HttpResponse<String> get(String path) {
        return sendRaw(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return sendRaw(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return sendRaw(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return sendRaw(request(path).DELETE());
    }

    HttpResponse<String> upload(String path, byte[] content, String contentType) {
        return sendRaw(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    /** Bytes from a URL the simulator handed out (an attachment's content_url), without credentials. */
    static HttpResponse<byte[]> download(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's own endpoints ({@code /_sim/…}), which take no credentials. */
    static HttpResponse<String> simulator(String baseUrl, String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return sendRaw(HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body).header("Content-Type", "application/json"));
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private static HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
