package io.supporthub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.testing.FreePort;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's Salesforce answers the hub's two queries, and refuses a field its org lacks as Salesforce does. */
class SalesforceSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SalesforceSimulator simulator;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        simulator = new SalesforceSimulator(FreePort.next(), SandboxCustomer.SEEDED);
        simulator.start();
        String form = "grant_type=password&client_id=" + SalesforceSimulator.CLIENT_ID + "&client_secret=" + SalesforceSimulator.CLIENT_SECRET
                + "&username=" + URLEncoder.encode(SalesforceSimulator.USERNAME, StandardCharsets.UTF_8) + "&password=" + SalesforceSimulator.PASSWORD;
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(answer.body()).path("access_token").asText();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static HttpResponse<String> query(String soql) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/services/data/v62.0/query?q="
                        + URLEncoder.encode(soql, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_count_of_an_accounts_open_cases_answers_with_total_size_and_no_records() throws Exception {
        HttpResponse<String> answer = query("SELECT COUNT() FROM Case WHERE AccountId = '0015g00000SbxGLXAA' AND IsClosed = false");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("totalSize").asInt()).isEqualTo(5);
        assertThat(body.path("records").isArray()).isTrue();
        assertThat(body.path("records")).isEmpty();
    }

    @Test
    void a_roll_up_field_of_the_account_answers_as_a_number() throws Exception {
        JsonNode record = JSON.readTree(query("SELECT Id, Account.Open_Cases__c, Account.Owner.Name FROM Contact "
                + "WHERE Email = 'erin@globex.example' ORDER BY LastModifiedDate DESC LIMIT 1").body()).path("records").get(0);
        assertThat(record.path("Account").path("Open_Cases__c").asDouble()).isEqualTo(5.0);
        assertThat(record.path("Account").path("Owner").path("Name").asText()).isEqualTo("Marcus Lee");
    }

    @Test
    void a_field_the_simulated_org_lacks_is_refused_with_invalid_field() throws Exception {
        HttpResponse<String> answer = query("SELECT Id, Account.Service_Level__c FROM Contact WHERE Email = 'ava@acme.example'");
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body()).get(0);
        assertThat(error.path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(error.path("message").asText()).startsWith("No such column 'Service_Level__c' on entity 'Account'.");
    }
}
