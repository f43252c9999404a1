package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.supporthub.testing.HubWithCrm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An org whose CRM keeps the tier in its own picklist (Diamond / Gold / Bronze), the customer
 * success manager as owner and a roll-up of open cases: the hub asks for exactly those fields,
 * maps Diamond to VIP, and routes the ticket as it would any VIP's.
 */
class CrmFieldMappingIT {

    @RegisterExtension
    static HubWithCrm hub = HubWithCrm.withContacts(wm -> {
                wm.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'lee@renamed.example'"))
                        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                                "[{\"message\":\"No such column 'Service_Level__c' on entity 'Account'. If you are attempting to use a custom "
                                        + "field, be sure to append the '__c' after the custom field name.\",\"errorCode\":\"INVALID_FIELD\"}]")));
                wm.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("'dana@umbrella.example'"))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                            {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact","url":"/services/data/v62.0/sobjects/Contact/003xx000004TmiUMBR"},
                             "Id":"003xx000004TmiUMBR","Name":"Dana Reyes","Email":"dana@umbrella.example",
                             "Account":{"attributes":{"type":"Account","url":"/services/data/v62.0/sobjects/Account/001xx000003DGbUMBR"},
                              "Id":"001xx000003DGbUMBR","Name":"Umbrella","Service_Level__c":"Diamond","ARR__c":1250000.0,"Health__c":81.0,
                              "CSM__r":{"attributes":{"type":"User","url":"/services/data/v62.0/sobjects/User/005xx000001SwiCSM"},"Name":"Priya Shah"},
                              "Open_Cases__c":7.0}}]}""")));
            })
            .setting("salesforce.field.tier", "Account.Service_Level__c")
            .setting("salesforce.field.arr", "Account.ARR__c")
            .setting("salesforce.field.health", "Account.Health__c")
            .setting("salesforce.field.owner", "Account.CSM__r.Name")
            .setting("salesforce.open-cases", "Account.Open_Cases__c")
            .setting("salesforce.tier.vip-values", "Diamond")
            .setting("salesforce.tier.enterprise-values", "Gold");

    @Test
    void the_orgs_own_fields_are_asked_for_and_its_diamond_tier_is_handled_as_vip() {
        JsonNode ticket = hub.api().create("dana@umbrella.example", "Question about our invoice", "Where can I download last month's invoice?");

        JsonNode customer = ticket.path("customer");
        assertThat(customer.path("tier").asText()).isEqualTo("vip");
        assertThat(customer.path("annual_revenue").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(customer.path("owner").asText()).isEqualTo("Priya Shah");
        assertThat(customer.path("open_cases").asInt()).isEqualTo(7);
        assertThat(ticket.path("queue").asText()).isEqualTo("priority");
        assertThat(ticket.path("timeline").toString()).contains("customer tier vip, ARR 1250000, health 81, owner Priya Shah, 7 open cases");

        List<LoggedRequest> queries = hub.salesforce().findAll(getRequestedFor(urlPathMatching("/services/data/v[0-9.]+/query/?"))
                .withQueryParam("q", containing("'dana@umbrella.example'")));
        assertThat(queries).hasSize(1);
        assertThat(hub.salesforce().findAll(getRequestedFor(urlPathMatching("/services/data/v[0-9.]+/query/?"))
                .withQueryParam("q", containing("FROM Case")))).as("a roll-up field needs no Case count query").isEmpty();
        assertThat(queries.get(0).queryParameter("q").firstValue()).isEqualTo("SELECT Id, Name, Email, Account.Id, Account.Name, "
                + "Account.Service_Level__c, Account.ARR__c, Account.Health__c, Account.CSM__r.Name, Account.Open_Cases__c "
                + "FROM Contact WHERE Email = 'dana@umbrella.example' ORDER BY LastModifiedDate DESC LIMIT 1");
    }

    @Test
    void a_field_the_org_does_not_have_is_refused_by_salesforce_and_the_ticket_goes_on_as_unknown() {
        JsonNode ticket = hub.api().create("lee@renamed.example", "Login problem", "I cannot log in since this morning.");
        assertThat(ticket.path("customer").path("lookup").asText()).isEqualTo("crm_unavailable");
        assertThat(ticket.path("customer").path("tier").asText()).isEqualTo("unknown");
        assertThat(ticket.path("timeline").toString()).contains("flagged for re-enrichment");
    }
}
