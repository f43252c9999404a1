package io.supporthub.connector.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * What a connection test found: either the system answered as expected (with what it said, e.g. the
 * user the hub logged in as), or the classified failure whose reason tells what to fix.
 */
public record ConnectionTestResult(String connector, boolean ok, String summary, Optional<ConnectorFailure> failure, Duration took) {

    public ConnectionTestResult {
        failure = failure == null ? Optional.empty() : failure;
        if (ok == failure.isPresent()) {
            throw new IllegalArgumentException("a test either passed or failed with its reason");
        }
    }

    public static ConnectionTestResult passed(String connector, String summary, Duration took) {
        return new ConnectionTestResult(connector, true, summary, Optional.empty(), took);
    }

    public static ConnectionTestResult failed(String connector, ConnectorFailure failure, Duration took) {
        return new ConnectionTestResult(connector, false, failure.reason(), Optional.of(failure), took);
    }
}
