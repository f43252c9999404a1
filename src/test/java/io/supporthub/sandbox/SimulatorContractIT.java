package io.supporthub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.app.HubApplication;
import io.supporthub.contract.VendorSpecs;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Prism;
import io.supporthub.testing.TicketApiClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract suite for the sandbox's own fakes: the hub talks to the Salesforce and Slack simulators
 * through Prism proxies, which check every request and every answer against the vendors' API
 * descriptions. A newcomer's first look at the hub must not rest on answers the real services never give.
 */
class SimulatorContractIT {

    @BeforeAll
    static void prismAndSpecs() {
        VendorSpecs.assumeShared();
        Prism.assumeInstalled();
    }

    @Test
    void the_salesforce_simulator_answers_login_query_and_logout_as_salesforce_documents() throws Exception {
        int api = FreePort.next();
        try (SalesforceSimulator simulator = new SalesforceSimulator(0, SandboxCustomer.SEEDED)) {
            simulator.start();
            Prism proxy = Prism.proxy(VendorSpecs.salesforceRest(simulator.baseUrl()), simulator.baseUrl());
            // the token answer must send the hub's queries back through the proxy, not straight to the simulator
            simulator.advertiseInstanceUrl(proxy.url());
            try (proxy; HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                    .salesforce(proxy.url(), SalesforceSimulator.CLIENT_ID, SalesforceSimulator.CLIENT_SECRET,
                            SalesforceSimulator.USERNAME, SalesforceSimulator.PASSWORD).start()) {
                JsonNode known = new TicketApiClient(api).create("ava@acme.example", "Invoice question", "Where is my invoice?");
                JsonNode unknown = new TicketApiClient(api).create("someone@new.example", "Invoice question", "Where is my invoice?");

                assertThat(known.path("customer").path("tier").asText()).isEqualTo("vip");
                assertThat(unknown.path("customer").path("tier").asText()).isEqualTo("unknown");
            }
            // two contact queries, and the open-cases count for the one customer found
            assertThat(proxy.requestsReceived("get /services/data/v62.0/query/")).isEqualTo(3);
            assertThat(proxy.requestsReceived("get /services/oauth2/revoke")).isEqualTo(1);
            assertNoViolations(proxy);
        }
    }

    @Test
    void the_slack_simulator_answers_chat_post_message_and_auth_test_as_slack_documents() throws Exception {
        int api = FreePort.next();
        try (SlackSimulator simulator = new SlackSimulator(0)) {
            simulator.start();
            try (Prism proxy = Prism.proxy(VendorSpecs.slackWebApi(), simulator.baseUrl());
                 HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                         .slackToken(proxy.url(), SlackSimulator.BOT_TOKEN, "#support-alerts").start()) {
                new TicketApiClient(api).create("ops@acme.example", "Production is down", "Production is down for all users");

                await().atMost(Duration.ofSeconds(20)).until(() -> simulator.messages().size() == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> proxy.requestsReceived("post /api/auth.test") >= 1);
                assertNoViolations(proxy);
            }
        }
    }

    private static void assertNoViolations(Prism proxy) {
        List<String> problems = new java.util.ArrayList<>(proxy.requestViolations());
        problems.addAll(proxy.responseViolations());
        problems.addAll(proxy.failedExchanges());
        assertThat(problems).as("spec violations seen by the proxy; its log:\n" + proxy.logText()).isEmpty();
    }
}
