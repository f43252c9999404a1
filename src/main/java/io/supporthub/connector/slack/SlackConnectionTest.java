package io.supporthub.connector.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.connector.spi.ConnectionTest;
import io.supporthub.connector.spi.ConnectionTestResult;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.connector.spi.HttpFailures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Tests the Slack settings without posting anything: in token mode the Web API's auth.test; in webhook
 * mode an empty message, which Slack answers with 400 no_text when the webhook exists and with
 * 404 no_service or 403 invalid_token when it does not.
 */
public final class SlackConnectionTest implements ConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SlackSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final SlackErrorClassifier errors = new SlackErrorClassifier();

    public SlackConnectionTest(SlackSettings settings) {
        this.settings = settings;
    }

    @Override
    public String connector() {
        return "slack";
    }

    @Override
    public ConnectionTestResult run() {
        Instant start = Instant.now();
        if (!settings.enabled()) {
            return ConnectionTestResult.failed(connector(), ConnectorFailure.permanent(
                    "Slack alerts are turned off (slack.enabled = false); nothing was tested"), Duration.ZERO);
        }
        try {
            return settings.mode().equals("token") ? authTest(start) : webhookProbe(start);
        } catch (IOException e) {
            return ConnectionTestResult.failed(connector(), errors.classify(e), since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConnectionTestResult.failed(connector(), ConnectorFailure.retriable("the test was interrupted (the hub is stopping)"), since(start));
        }
    }

    private ConnectionTestResult authTest(Instant start) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(settings.serverUrl().replaceAll("/+$", "") + "/api/auth.test"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + settings.token().reveal())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return failed(HttpFailures.ofStatus("Slack", answer.statusCode(), answer.body(), retryAfter(answer), Instant.now()), start);
        }
        JsonNode body = JSON.readTree(answer.body());
        if (!body.path("ok").asBoolean()) {
            return failed(SlackErrorClassifier.ofApiError(body.path("error").asText("unknown"),
                    HttpFailures.retryAfter(retryAfter(answer), Instant.now())), start);
        }
        return ConnectionTestResult.passed(connector(), "Slack accepted the bot token: user " + body.path("user").asText("?")
                + " in workspace " + body.path("team").asText("?"), since(start));
    }

    private ConnectionTestResult webhookProbe(Instant start) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(settings.webhookUrl().reveal())).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String said = answer.body() == null ? "" : answer.body().strip();
        if (answer.statusCode() == 200 || answer.statusCode() == 400 && (said.equals("no_text") || said.equals("invalid_payload"))) {
            return ConnectionTestResult.passed(connector(), "Slack knows the incoming webhook (an empty probe, nothing was posted)", since(start));
        }
        return failed(SlackErrorClassifier.ofWebhook(answer.statusCode(), said, HttpFailures.retryAfter(retryAfter(answer), Instant.now())), start);
    }

    private ConnectionTestResult failed(ConnectorFailure failure, Instant start) {
        return ConnectionTestResult.failed(connector(), failure, since(start));
    }

    private static String retryAfter(HttpResponse<?> answer) {
        return answer.headers().firstValue("Retry-After").orElse(null);
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}
