package io.supporthub.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConnectionTestResult;
import io.supporthub.connector.spi.ConnectorFailure.Kind;
import io.supporthub.testing.SalesforceStubs;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Salesforce connection test against WireMock answering in Salesforce's documented shapes. */
class SalesforceConnectionTestTest {

    WireMockServer salesforce;

    @BeforeEach
    void start() {
        salesforce = new WireMockServer(options().dynamicPort());
        salesforce.start();
    }

    @AfterEach
    void stop() {
        salesforce.stop();
    }

    @Test
    void a_login_and_the_lookups_query_that_succeed_pass_naming_the_instance_and_user() {
        SalesforceStubs.token(salesforce);
        SalesforceStubs.noContact(salesforce);
        ConnectionTestResult result = test(Map.of()).run();
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.summary()).isEqualTo("logged in to " + salesforce.baseUrl() + " as hub@example.com and ran the CRM lookup's query "
                + "with the configured fields");
        assertThat(salesforce.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching("/services/data/v62.0/query/?"))))
                .singleElement().satisfies(query -> assertThat(query.queryParameter("q").firstValue())
                        .contains("Account.Customer_Tier__c").contains("'" + SalesforceConnectionTest.PROBE_EMAIL + "'"));
    }

    @Test
    void a_wrong_consumer_key_says_which_settings_to_check() {
        salesforce.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}")));
        ConnectionTestResult result = test(Map.of()).run();
        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.summary()).isEqualTo("Salesforce refused the login: invalid_client_id (client identifier invalid) — check "
                + "salesforce.client-id and salesforce.client-secret (the connected app's consumer key and secret)");
    }

    @Test
    void a_wrong_password_says_which_settings_to_check_and_never_shows_the_secret() {
        salesforce.stubFor(post("/services/oauth2/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")));
        ConnectionTestResult result = test(Map.of()).run();
        assertThat(result.summary()).startsWith("Salesforce refused the login: invalid_grant (authentication failure) — check salesforce.username")
                .doesNotContain("s3cret-password");
    }

    @Test
    void a_field_the_org_lacks_shows_in_the_test_not_on_the_first_ticket() {
        SalesforceStubs.token(salesforce);
        salesforce.stubFor(get(urlPathMatching("/services/data/v[0-9.]+/query/?")).withQueryParam("q", containing("Account.Service_Level__c"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "[{\"message\":\"No such column 'Service_Level__c' on entity 'Account'.\",\"errorCode\":\"INVALID_FIELD\"}]")));
        ConnectionTestResult result = test(Map.of("salesforce.field.tier", "Account.Service_Level__c")).run();
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(result.summary()).startsWith("Salesforce refused the query: INVALID_FIELD (No such column 'Service_Level__c' on entity 'Account'.)")
                .contains("salesforce.field.*");
    }

    @Test
    void a_login_url_where_nothing_listens_is_retriable() {
        int closed = io.supporthub.testing.FreePort.next();
        ConnectionTestResult result = new SalesforceConnectionTest(settings("http://127.0.0.1:" + closed, Map.of())).run();
        assertThat(result.failure()).get().extracting(f -> f.kind()).isEqualTo(Kind.RETRIABLE);
        assertThat(result.summary()).startsWith("Salesforce could not be reached");
    }

    private SalesforceConnectionTest test(Map<String, String> more) {
        return new SalesforceConnectionTest(settings(salesforce.baseUrl(), more));
    }

    private static SalesforceSettings settings(String loginUrl, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("salesforce.login-url", loginUrl, "salesforce.client-id", "3MVG9-test",
                "salesforce.client-secret", "client-secret", "salesforce.username", "hub@example.com", "salesforce.password", "s3cret-password"));
        values.putAll(more);
        return SalesforceSettings.from(new ConfigSource("salesforce.properties", values));
    }
}
