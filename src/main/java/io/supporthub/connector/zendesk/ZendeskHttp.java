package io.supporthub.connector.zendesk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.StringJoiner;

/**
 * One Zendesk account over HTTP: every request signed in with the API token, every answer's rate-limit
 * headers recorded, every refusal turned into a {@link ZendeskException} carrying Zendesk's own words.
 */
final class ZendeskHttp {

    private static final String USER_AGENT = "support-hub";

    private final ZendeskSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final RateLimitState limits;

    ZendeskHttp(ZendeskSettings settings, HttpClient http, Clock clock, RateLimitState limits) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * The JDK client as the hub uses it with Zendesk: HTTP/1.1 (over TLS Zendesk needs nothing newer,
     * and plain-HTTP test servers need no h2c upgrade), and no redirects followed on their own, so the
     * hub decides where its credentials go.
     */
    static HttpClient newClient(ZendeskSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ZendeskSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    RateLimitState limits() {
        return limits;
    }

    /** A request to {@code pathAndQuery} under the account's address, signed in. */
    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery)).timeout(settings.timeout())
                .header("Authorization", settings.authorization()).header("Accept", "application/json").header("User-Agent", USER_AGENT);
    }

    <T> T get(ZendeskEndpoint endpoint, String pathAndQuery, Class<T> answer) throws ZendeskException {
        return send(endpoint, request(pathAndQuery).GET(), answer);
    }

    /** Sends {@code body} as Zendesk's JSON with the endpoint's method. */
    <T> T sendJson(ZendeskEndpoint endpoint, String pathAndQuery, Object body, Class<T> answer) throws ZendeskException {
        HttpRequest.Builder request = request(pathAndQuery).header("Content-Type", "application/json")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(ZendeskJson.write(body), StandardCharsets.UTF_8));
        return send(endpoint, request, answer);
    }

    /** Sends the request and reads a success as {@code answer}; anything else is thrown as Zendesk said it. */
    <T> T send(ZendeskEndpoint endpoint, HttpRequest.Builder request, Class<T> answer) throws ZendeskException {
        HttpResponse<String> response = exchange(endpoint, request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String contentType = response.headers().firstValue("Content-Type").orElse("no content type");
        try {
            T value = ZendeskJson.MAPPER.readValue(response.body(), answer);
            if (value == null) {
                throw ZendeskException.unreadable(endpoint, response.statusCode(), contentType, null);
            }
            return value;
        } catch (IOException e) {
            throw ZendeskException.unreadable(endpoint, response.statusCode(), contentType, e);
        }
    }

    /** Sends the request; a success comes back with its body unread, anything else is thrown. */
    <B> HttpResponse<B> exchange(ZendeskEndpoint endpoint, HttpRequest request, HttpResponse.BodyHandler<B> body) throws ZendeskException {
        return exchange(endpoint, request, body, false);
    }

    /** As {@link #exchange}, where a redirect (3xx) comes back too, for the caller to follow. */
    <B> HttpResponse<B> exchange(ZendeskEndpoint endpoint, HttpRequest request, HttpResponse.BodyHandler<B> body, boolean redirectsAnswer)
            throws ZendeskException {
        HttpResponse<B> response;
        try {
            response = http.send(request, body);
        } catch (IOException e) {
            throw ZendeskException.noAnswer(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ZendeskException.interrupted(endpoint, e);
        }
        limits.record(endpoint, response.statusCode(), RateLimitReading.of(response.headers().map(), clock.instant()), clock.instant());
        int status = response.statusCode();
        if (status >= 200 && status < 300 || redirectsAnswer && status >= 300 && status < 400) {
            return response;
        }
        throw ZendeskException.refused(endpoint, status, ZendeskError.read(text(response.body())),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    /** {@code ?name=value&…}, names and values encoded. */
    static String query(String... namesAndValues) {
        StringJoiner query = new StringJoiner("&", "?", "");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
            }
        }
        return query.length() == 1 ? "" : query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A refused answer's body as text, whatever the handler read it as; at most the first 64 KB of a stream. */
    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof InputStream in) {
            try (in) {
                return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                return "";
            }
        }
        return "";
    }
}
