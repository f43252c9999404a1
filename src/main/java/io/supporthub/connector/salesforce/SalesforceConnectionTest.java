package io.supporthub.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.connector.spi.ConnectionTest;
import io.supporthub.connector.spi.ConnectionTestResult;
import io.supporthub.connector.spi.ConnectorFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Tests the CRM settings as the lookup uses them: the OAuth username-password login, then the lookup's
 * own query (with the configured fields) for an address no one has, so a field the org lacks shows here
 * rather than on the first ticket. Failures are read by {@link SalesforceErrorClassifier}, as the lookup's are.
 */
public final class SalesforceConnectionTest implements ConnectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String PROBE_EMAIL = "connection-test@support-hub.invalid";

    private final SalesforceSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final SalesforceErrorClassifier errors = new SalesforceErrorClassifier();

    public SalesforceConnectionTest(SalesforceSettings settings) {
        this.settings = settings;
    }

    @Override
    public String connector() {
        return "salesforce";
    }

    @Override
    public ConnectionTestResult run() {
        Instant start = Instant.now();
        if (!settings.enabled()) {
            return ConnectionTestResult.failed(connector(), ConnectorFailure.permanent(
                    "the CRM lookup is turned off (salesforce.enabled = false); nothing was tested"), Duration.ZERO);
        }
        try {
            JsonNode token = login();
            String instance = token.path("instance_url").asText();
            query(instance, token.path("access_token").asText());
            return ConnectionTestResult.passed(connector(), "logged in to " + instance + " as " + settings.username()
                    + " and ran the CRM lookup's query with the configured fields", Duration.between(start, Instant.now()));
        } catch (SalesforceException | IOException e) {
            return ConnectionTestResult.failed(connector(), errors.classify(e), Duration.between(start, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConnectionTestResult.failed(connector(), ConnectorFailure.retriable("the test was interrupted (the hub is stopping)"),
                    Duration.between(start, Instant.now()));
        }
    }

    /** The token endpoint's answer; a refusal is thrown as camel-salesforce throws it, so one classifier reads both. */
    private JsonNode login() throws IOException, InterruptedException, SalesforceException {
        String form = Map.of("grant_type", "password", "client_id", settings.clientId(), "client_secret", settings.clientSecret().reveal(),
                        "username", settings.username(), "password", settings.password().reveal()).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(settings.loginUrl().replaceAll("/+$", "") + "/services/oauth2/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            return JSON.readTree(answer.body());
        }
        JsonNode error = readOrEmpty(answer.body());
        if (answer.statusCode() == 400 && error.hasNonNull("error")) {
            String code = error.path("error").asText();
            throw new SalesforceException(List.of(new RestError(code, "Login error code:[" + code + "] description:["
                    + error.path("error_description").asText("") + "]")), 400);
        }
        throw new SalesforceException("Login error status:[" + answer.statusCode() + "]", answer.statusCode());
    }

    private void query(String instance, String accessToken) throws IOException, InterruptedException, SalesforceException {
        String soql = new SalesforceCrmLookup(settings.crmFields()).soqlFor(PROBE_EMAIL);
        URI uri = URI.create(instance.replaceAll("/+$", "") + "/services/data/v" + settings.apiVersion() + "/query/?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            // the REST API answers errors as [{"message": …, "errorCode": …}]
            List<RestError> restErrors = new ArrayList<>();
            for (JsonNode e : readOrEmpty(answer.body())) {
                restErrors.add(new RestError(e.path("errorCode").asText(null), e.path("message").asText(null)));
            }
            throw new SalesforceException(restErrors, answer.statusCode());
        }
    }

    private static JsonNode readOrEmpty(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
