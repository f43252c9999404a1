package io.supporthub.connector.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.supporthub.connector.spi.Secret;
import io.supporthub.testing.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh-token grant against a token endpoint answering as Microsoft's and Google's do. */
class OAuth2TokenSourceTest {

    private final WireMockServer idp = new WireMockServer(options().dynamicPort());
    private final MovableClock clock = new MovableClock(java.time.Instant.parse("2026-11-23T09:00:00Z"));
    private final InMemoryStore store = new InMemoryStore(Secret.of("refresh-1"));
    private OAuth2TokenSource tokens;

    @BeforeEach
    void start() {
        idp.start();
        tokens = new OAuth2TokenSource(URI.create(idp.baseUrl() + "/oauth2/v2.0/token"), "client", Secret.of("secret"),
                "https://outlook.office.com/IMAP.AccessAsUser.All offline_access", store, HttpClient.newHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        idp.stop();
    }

    @Test
    void a_token_is_reused_until_shortly_before_it_expires_then_refreshed() {
        idp.stubFor(post("/oauth2/v2.0/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"scope\":\"IMAP.AccessAsUser.All\",\"expires_in\":3599,\"access_token\":\"access-1\"}")));
        assertThat(tokens.accessToken().reveal()).isEqualTo("access-1");
        clock.advance(Duration.ofMinutes(50));
        tokens.accessToken();
        idp.verify(1, postRequestedFor(urlEqualTo("/oauth2/v2.0/token")).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-1")));
        clock.advance(Duration.ofMinutes(9));
        tokens.accessToken();
        idp.verify(2, postRequestedFor(urlEqualTo("/oauth2/v2.0/token")));
    }

    @Test
    void a_rotated_refresh_token_is_kept_and_used_next_time() {
        idp.stubFor(post("/oauth2/v2.0/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":60,\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\"}")));
        tokens.accessToken();
        assertThat(store.current().reveal()).isEqualTo("refresh-2");
        tokens.accessToken();
        idp.verify(postRequestedFor(urlEqualTo("/oauth2/v2.0/token")).withRequestBody(containing("refresh_token=refresh-2")));
    }

    @Test
    void a_revoked_refresh_token_is_a_permanent_error_that_says_so() {
        idp.stubFor(post("/oauth2/v2.0/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The refresh token has expired.\"}")));
        assertThatThrownBy(tokens::accessToken).isInstanceOf(OAuth2Exception.class).hasMessageContaining("invalid_grant")
                .satisfies(e -> assertThat(((OAuth2Exception) e).retriable()).isFalse());
    }

    /** A store that keeps the token in memory, as a test double. */
    static final class InMemoryStore implements RefreshTokenStore {
        private Secret token;

        InMemoryStore(Secret token) {
            this.token = token;
        }

        @Override
        public Secret current() {
            return token;
        }

        @Override
        public void replace(Secret rotated) {
            token = rotated;
        }
    }
}
