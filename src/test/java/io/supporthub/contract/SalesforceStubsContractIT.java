package io.supporthub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.supporthub.app.HubApplication;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Prism;
import io.supporthub.testing.SalesforceStubs;
import io.supporthub.testing.TicketApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract suite for the tests' own Salesforce stubs: the hub reaches the WireMock stubs the
 * CRM tests use through a Prism proxy, which checks every answer against the Salesforce
 * description. Tests that pass against stubs Salesforce would never send prove nothing.
 */
class SalesforceStubsContractIT {

    @BeforeAll
    static void prismAndSpecs() {
        VendorSpecs.assumeShared();
        Prism.assumeInstalled();
    }

    @Test
    void the_wiremock_salesforce_stubs_answer_as_salesforce_documents() throws Exception {
        int api = FreePort.next();
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            Prism proxy = Prism.proxy(VendorSpecs.salesforceRest(wm.baseUrl()), wm.baseUrl());
            SalesforceStubs.token(wm, proxy.url());
            SalesforceStubs.contact(wm, "known@acme.example", "Kim Known", "Acme", "Enterprise", 900_000);
            SalesforceStubs.noContact(wm);
            try (proxy; HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                    .salesforce(proxy.url()).start()) {
                JsonNode known = new TicketApiClient(api).create("known@acme.example", "Invoice question", "Where is my invoice?");
                new TicketApiClient(api).create("stranger@new.example", "Invoice question", "Where is my invoice?");
                assertThat(known.path("customer").path("tier").asText()).isEqualTo("enterprise");
            }
            List<String> problems = new ArrayList<>(proxy.requestViolations());
            problems.addAll(proxy.responseViolations());
            problems.addAll(proxy.failedExchanges());
            // two contact queries, and the open-cases count for the one customer found
            assertThat(proxy.requestsReceived("get /services/data/v62.0/query/")).isEqualTo(3);
            assertThat(problems).as("spec violations seen by the proxy; its log:\n" + proxy.logText()).isEmpty();
        } finally {
            wm.stop();
        }
    }
}
