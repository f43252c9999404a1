package io.supporthub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.app.HubApplication;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Prism;
import io.supporthub.testing.TicketApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract suite: the CRM lookup (camel-salesforce: OAuth username-password login, then a SOQL
 * query) against Prism serving the Salesforce description derived from Salesforce's own Postman
 * collection. The hub's requests must satisfy it and the documented example answer must enrich
 * the ticket.
 */
class SalesforceContractIT {

    @BeforeAll
    static void prismAndSpecs() {
        VendorSpecs.assumeShared();
        Prism.assumeInstalled();
    }

    @Test
    void the_crm_lookup_logs_in_and_queries_as_salesforce_documents_and_reads_its_example_answer() throws Exception {
        int api = FreePort.next();
        int port = FreePort.next();
        Prism salesforce = Prism.mock(VendorSpecs.salesforceRest("http://127.0.0.1:" + port), port);
        try (salesforce; HubApplication hub = new HubUnderTest().camelProperty("camel.server.port", Integer.toString(api))
                     .salesforce(salesforce.url()).start()) {
            JsonNode ticket = new TicketApiClient(api).create("dana@contract.example", "Invoice question", "Where is my invoice for May?");

            JsonNode customer = ticket.path("customer");
            assertThat(customer.path("tier").asText()).isEqualTo("vip");
            assertThat(customer.path("account").asText()).isEqualTo("Contract Holdings");
            assertThat(salesforce.requestsReceived("post /services/oauth2/token")).isEqualTo(1);
            assertThat(customer.path("owner").asText()).isEqualTo("Olive Owner");
            // the contact query, then the count of the account's open cases
            assertThat(salesforce.requestsReceived("get /services/data/v62.0/query/")).isEqualTo(2);
            assertThat(salesforce.requestViolations()).as("requests the hub sent that break the Salesforce description").isEmpty();
        }
        // only now has the hub stopped: its logout must match the description too
        assertThat(salesforce.requestsReceived("get /services/oauth2/revoke")).isEqualTo(1);
        assertThat(salesforce.unmatchedRequests()).isEmpty();
    }
}
