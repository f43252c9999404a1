package io.supporthub.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.supporthub.app.HubApplication;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension: the real hub with a Salesforce stub as its CRM and the ticket API on a known
 * port, for pipeline tests that drive tickets through the API. The test class stubs its contacts.
 */
public final class HubWithCrm implements BeforeAllCallback, AfterAllCallback {

    private final Consumer<WireMockServer> contacts;
    private final java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
    private WireMockServer salesforce;
    private HubApplication hub;
    private TicketApiClient api;

    private HubWithCrm(Consumer<WireMockServer> contacts) {
        this.contacts = contacts;
    }

    /** The stub answers the token endpoint, the given contacts, and "no contact" for everyone else. */
    public static HubWithCrm withContacts(Consumer<WireMockServer> contacts) {
        return new HubWithCrm(contacts);
    }

    /** A further salesforce.* key, e.g. the org's own field names. */
    public HubWithCrm setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        salesforce = new WireMockServer(options().dynamicPort());
        salesforce.start();
        SalesforceStubs.token(salesforce);
        contacts.accept(salesforce);
        SalesforceStubs.noContact(salesforce);
        int port = FreePort.next();
        HubUnderTest under = new HubUnderTest().salesforce(salesforce.baseUrl());
        settings.forEach((key, value) -> under.connectorSetting("salesforce", key, value));
        hub = under.camelProperty("camel.server.port", Integer.toString(port)).start();
        api = new TicketApiClient(port);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (hub != null) {
                hub.close();
            }
        } finally {
            salesforce.stop();
        }
    }

    public WireMockServer salesforce() {
        return salesforce;
    }

    public TicketApiClient api() {
        return api;
    }
}
