package io.supporthub.connector.zendesk;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Zendesk account played by WireMock for one test: its address, the hub's credentials for it, a clock
 * the test moves, and a client of it configured as connectors-config/zendesk.properties would.
 */
final class WireMockZendesk implements BeforeEachCallback, AfterEachCallback {

    static final String EMAIL = "hub@acme.example";
    static final String TOKEN = "zd-api-token";
    static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((EMAIL + "/token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

    WireMockServer server;
    MovableClock clock;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        clock = new MovableClock(NOW);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    ZendeskSettings settings(Map<String, String> more) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("zendesk.enabled", "true", "zendesk.base-url", baseUrl(),
                "zendesk.email", EMAIL, "zendesk.api-token", TOKEN, "zendesk.timeout", "PT2S"));
        values.putAll(more);
        return ZendeskSettings.from(new ConfigSource("zendesk.properties", values));
    }

    ZendeskClient client() {
        return client(Map.of());
    }

    ZendeskClient client(Map<String, String> more) {
        ZendeskSettings settings = settings(more);
        return new ZendeskClient(settings, ZendeskHttp.newClient(settings), clock);
    }

    /** A JSON body as Zendesk answers, e.g. {@code json(201, "{…}")}. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }
}
