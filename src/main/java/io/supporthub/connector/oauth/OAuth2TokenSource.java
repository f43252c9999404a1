package io.supporthub.connector.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.connector.spi.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens for XOAUTH2 mail login from an OAuth 2.0 token endpoint (Microsoft, Google, …)
 * with the refresh-token grant. Tokens are reused until shortly before they expire; a refresh
 * token the provider rotates is handed to the {@link RefreshTokenStore}, so a restart uses it.
 */
public class OAuth2TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refresh this long before expiry, so a poll never starts with a token about to lapse. */
    static final Duration EARLY = Duration.ofSeconds(60);

    private final URI tokenEndpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final String scope;
    private final RefreshTokenStore store;
    private final HttpClient http;
    private final Clock clock;
    private Secret accessToken;
    private Instant expiresAt = Instant.MIN;

    public OAuth2TokenSource(URI tokenEndpoint, String clientId, Secret clientSecret, String scope, RefreshTokenStore store,
                             HttpClient http, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.store = store;
        this.http = http;
        this.clock = clock;
    }

    /** A valid access token, refreshed when needed. */
    public synchronized Secret accessToken() {
        if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(EARLY))) {
            refresh();
        }
        return accessToken;
    }

    private void refresh() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        form.put("refresh_token", store.current().reveal());
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OAuth2Exception("token endpoint " + tokenEndpoint + " did not answer: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuth2Exception("interrupted while asking " + tokenEndpoint + " for a token", true);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            // invalid_grant means the refresh token is revoked or expired: only an admin can fix that
            String error = answer.path("error").asText("http_" + response.statusCode());
            throw new OAuth2Exception("token endpoint refused the refresh: " + error + " " + answer.path("error_description").asText(""),
                    !"invalid_grant".equals(error) && response.statusCode() >= 500);
        }
        accessToken = Secret.of(answer.get("access_token").asText());
        expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
        if (answer.hasNonNull("refresh_token") && !answer.get("refresh_token").asText().equals(store.current().reveal())) {
            store.replace(Secret.of(answer.get("refresh_token").asText()));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
