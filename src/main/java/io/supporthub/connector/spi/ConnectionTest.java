package io.supporthub.connector.spi;

/**
 * An adapter's "test connection": a real round trip to its system with the effective settings (log in,
 * then one harmless read), answering in plain words what worked or what failed and which settings to
 * check. Never changes anything on the other side and never reveals a secret in its answer.
 */
public interface ConnectionTest {

    /** The connector this tests, as {@link ConnectorDefinition#name()} names it, e.g. "salesforce". */
    String connector();

    /** Runs the round trip; failures are answered, never thrown. */
    ConnectionTestResult run();
}
