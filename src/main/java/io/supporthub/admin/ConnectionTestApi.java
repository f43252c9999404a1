package io.supporthub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.connector.spi.ConnectionTest;
import io.supporthub.connector.spi.ConnectionTestResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Test connection" for admins: runs one connector's real round trip and answers what it found in plain
 * words, with the failure's class (authentication, permanent, retriable, rate_limited). A test that ran
 * answers 200 whether the connector works or not; only an unknown connector is an error.
 */
public final class ConnectionTestApi {

    private static final ObjectMapper JSON = ApiJson.isoDates();

    private final Map<String, ConnectionTest> tests = new TreeMap<>();

    public ConnectionTestApi(List<ConnectionTest> tests) {
        tests.forEach(test -> this.tests.put(test.connector(), test));
    }

    /** @param connector the connector's name as its settings file names it, e.g. salesforce */
    public String run(String connector) {
        ConnectionTest test = tests.get(connector);
        if (test == null) {
            throw ApiException.notFound("no connection test for '" + connector + "'; there are tests for " + String.join(", ", tests.keySet()));
        }
        return ApiJson.write(JSON, view(test.run()));
    }

    static Map<String, Object> view(ConnectionTestResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("connector", result.connector());
        view.put("ok", result.ok());
        view.put("summary", result.summary());
        view.put("failure", result.failure().map(f -> f.kind().code()).orElse(null));
        view.put("retry_after_seconds", result.failure().flatMap(f -> f.retryAfter()).map(java.time.Duration::toSeconds).orElse(null));
        view.put("took_ms", result.took().toMillis());
        return view;
    }
}
