package io.supporthub.connector.salesforce;

import java.time.Duration;
import org.apache.camel.model.Resilience4jConfigurationDefinition;

/**
 * The CRM lookup's circuit breaker (camel-resilience4j): after enough failed or slow calls it stops
 * asking Salesforce for a while, so an outage costs each ticket nothing instead of a timeout. Bound
 * under {@link #BEAN_NAME}; the route names it, and the numbers live in salesforce.properties.
 *
 * @param timeout         longest wait for one answer (salesforce.timeout)
 * @param window          how many recent calls are judged
 * @param minimumCalls    how many calls the window needs before it judges at all
 * @param failureRatePercent the share of failed calls in the window that opens the circuit
 * @param openWait        how long the circuit stays open before a few calls probe again
 */
public record SalesforceCircuitBreaker(Duration timeout, int window, int minimumCalls, int failureRatePercent, Duration openWait) {

    /** The name routes/enrich-crm.camel.yaml gives as the circuit breaker's configuration. */
    public static final String BEAN_NAME = "crmCircuitBreaker";

    public static final SalesforceCircuitBreaker DEFAULT = new SalesforceCircuitBreaker(Duration.ofSeconds(3), 20, 5, 50, Duration.ofSeconds(30));

    public SalesforceCircuitBreaker {
        if (timeout.isNegative() || timeout.isZero() || openWait.isNegative() || openWait.isZero()) {
            throw new IllegalArgumentException("the timeout and the open wait are above zero");
        }
        if (window < 1 || minimumCalls < 1 || minimumCalls > window) {
            throw new IllegalArgumentException("the minimum number of calls (" + minimumCalls + ") must fit in the window (" + window + ")");
        }
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("the failure rate is a percentage from 1 to 100");
        }
    }

    /** What camel-resilience4j reads: the circuit breaker EIP looks it up by {@link #BEAN_NAME}. */
    public Resilience4jConfigurationDefinition definition() {
        return new Resilience4jConfigurationDefinition()
                .timeoutEnabled(true)
                .timeoutDuration(Math.toIntExact(timeout.toMillis()))
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRatePercent)
                // resilience4j counts the open wait in whole seconds; a wait under one second would be none at all
                .waitDurationInOpenState(Math.toIntExact(Math.max(1, openWait.toSeconds())));
    }
}
