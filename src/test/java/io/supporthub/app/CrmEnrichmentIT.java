package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.testing.HubWithCrm;
import io.supporthub.testing.SalesforceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CRM enrichment against a Salesforce stub: cached answers, one call for concurrent lookups, and
 * intake that goes on when the CRM fails. The outage cases run last: they open the circuit
 * breaker, which then (rightly) answers 'unknown' for everyone for a while.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmEnrichmentIT {

    @RegisterExtension
    static HubWithCrm hub = HubWithCrm.withContacts(wm -> {
        SalesforceStubs.contact(wm, "cached@acme.example", "Cai Ched", "Acme", "Enterprise", 900_000);
        SalesforceStubs.openCases(wm, SalesforceStubs.ACCOUNT_ID, 3);
        SalesforceStubs.contact(wm, "nocase@initech.example", "Noe Case", "001xx000003DGbNOCA", "Initech", "Gold", 50_000);
        SalesforceStubs.openCasesRefused(wm, "001xx000003DGbNOCA");
    });

    @Test
    @Order(1)
    void a_known_customer_is_asked_for_once_and_then_served_from_the_cache() throws Exception {
        JsonNode first = create("cached@acme.example");
        JsonNode second = create("cached@acme.example");
        assertThat(first.path("customer").path("tier").asText()).isEqualTo("enterprise");
        assertThat(second.path("customer").path("tier").asText()).isEqualTo("enterprise");
        assertThat(queriesFor("cached@acme.example")).isEqualTo(1);
        assertThat(second.path("timeline").toString()).contains("(cached answer)");
    }

    @Test
    @Order(2)
    void the_account_owner_and_open_cases_are_on_the_ticket_and_named_on_its_timeline() throws Exception {
        JsonNode ticket = create("cached@acme.example");
        assertThat(ticket.path("customer").path("owner").asText()).isEqualTo("Olivia Owens");
        assertThat(ticket.path("customer").path("open_cases").asInt()).isEqualTo(3);
        assertThat(ticket.path("customer").path("health").asText()).isEqualTo("Green");
        JsonNode enriched = ticket.path("timeline").findParents("type").stream()
                .filter(e -> e.path("type").asText().equals("customer_enriched")).findFirst().orElseThrow();
        assertThat(enriched.path("reason").asText()).contains("customer tier enterprise, ARR 900000, health Green, owner Olivia Owens, 3 open cases");
    }

    @Test
    @Order(3)
    void when_the_crm_refuses_to_count_cases_the_customer_is_still_found_without_open_cases() throws Exception {
        JsonNode ticket = create("nocase@initech.example");
        assertThat(ticket.path("customer").path("lookup").asText()).isEqualTo("found");
        assertThat(ticket.path("customer").path("tier").asText()).as("Gold maps to enterprise by default").isEqualTo("enterprise");
        assertThat(ticket.path("customer").path("open_cases").isNull()).isTrue();
        assertThat(ticket.path("timeline").toString()).contains("owner Olivia Owens").doesNotContain("open case");
    }

    @Test
    @Order(4)
    void an_unknown_sender_is_cached_as_unknown_too() throws Exception {
        create("nobody@unknown.example");
        create("nobody@unknown.example");
        assertThat(queriesFor("nobody@unknown.example")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void concurrent_tickets_from_one_new_sender_share_a_single_crm_call() throws Exception {
        hub.salesforce().stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'storm@acme.example'"))
                .willReturn(aResponse().withFixedDelay(600).withHeader("Content-Type", "application/json")
                        .withBody("{\"totalSize\":0,\"done\":true,\"records\":[]}")));
        List<CompletableFuture<JsonNode>> storm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            storm.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return create("storm@acme.example");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(storm.toArray(CompletableFuture[]::new)).get();
        assertThat(queriesFor("storm@acme.example")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void a_failing_or_slow_crm_never_blocks_intake_and_the_customer_is_flagged_unknown() throws Exception {
        hub.salesforce().stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'broken@acme.example'"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("[{\"message\":\"An unexpected error occurred\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]")));
        hub.salesforce().stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'slow@acme.example'"))
                .willReturn(aResponse().withFixedDelay(8_000).withHeader("Content-Type", "application/json")
                        .withBody("{\"totalSize\":0,\"done\":true,\"records\":[]}")));
        JsonNode broken = create("broken@acme.example");
        long start = System.nanoTime();
        JsonNode slow = create("slow@acme.example");
        Duration slowTook = Duration.ofNanos(System.nanoTime() - start);
        for (JsonNode ticket : List.of(broken, slow)) {
            assertThat(ticket.path("customer").path("tier").asText()).isEqualTo("unknown");
            assertThat(ticket.path("customer").path("lookup").asText()).isEqualTo("crm_unavailable");
            assertThat(ticket.path("timeline").toString()).contains("flagged for re-enrichment");
        }
        assertThat(slowTook).as("the CRM timeout (2 s in tests) bounds the wait").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Order(6)
    void a_ticket_taken_in_during_an_outage_is_enriched_and_rerouted_when_the_crm_recovers() throws Exception {
        hub.salesforce().stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'recover@acme.example'"))
                .willReturn(aResponse().withStatus(503).withBody("[{\"message\":\"Server unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]")));
        JsonNode during = create("recover@acme.example");
        assertThat(during.path("customer").path("lookup").asText()).isEqualTo("crm_unavailable");
        assertThat(during.path("tier").asText()).isEqualTo("T1");

        SalesforceStubs.contact(hub.salesforce(), "recover@acme.example", "Rene Cover", "Acme", "VIP", 3_000_000);
        String key = during.path("key").asText();
        JsonNode after = await().atMost(Duration.ofSeconds(15)).until(() -> read(key),
                t -> t.path("customer").path("lookup").asText().equals("found"));
        assertThat(after.path("customer").path("tier").asText()).isEqualTo("vip");
        assertThat(after.path("customer").path("owner").asText()).as("the ticket's customer snapshot is complete after re-enrichment").isEqualTo("Olivia Owens");
        assertThat(after.path("tier").asText()).isEqualTo("T2");
        assertThat(after.path("queue").asText()).isEqualTo("priority");
        assertThat(after.path("timeline").findValuesAsText("type")).contains("customer_reenriched", "rerouted");
    }

    private static JsonNode read(String key) {
        return hub.api().read(key);
    }

    private static JsonNode create(String email) {
        return hub.api().create(email, "Invoice question", "Where is my invoice?");
    }

    private static int queriesFor(String email) {
        return hub.salesforce().findAll(getRequestedFor(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'" + email + "'"))).size();
    }
}
