package io.supporthub.sandbox;

import static io.supporthub.sandbox.ZendeskHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.contract.VendorSpecs;
import io.supporthub.testing.Prism;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract suite for the Zendesk simulator: a client calls every operation the simulator serves through a Prism proxy
 * serving Zendesk's own Support API description, which checks each request and each answer against it; the requests
 * include the description's own example requests, unedited. The Webhooks API is not in that description and is checked
 * by the simulator's own tests only.
 */
class ZendeskSimulatorContractIT {

    @BeforeAll
    static void prismAndSpecs() {
        VendorSpecs.assumeShared();
        Prism.assumeInstalled();
    }

    @Test
    void every_operation_the_simulator_serves_answers_as_zendesk_s_support_api_describes() throws Exception {
        try (ZendeskSimulator simulator = new ZendeskSimulator(0, null)) {
            simulator.start();
            try (Prism proxy = Prism.proxy(VendorSpecs.zendeskSupportWithJsonPaths(), simulator.baseUrl())) {
                ZendeskHttp client = ZendeskHttp.as(proxy.url(), ZendeskSimulator.INTEGRATION_EMAIL);
                List<HttpResponse<String>> answers = new ArrayList<>();

                // the description's examples: TicketCreateRequestExample, TicketUpdateRequestExample, UserRequestExample
                HttpResponse<String> created = client.post("/api/v2/tickets.json",
                        "{\"ticket\":{\"comment\":{\"body\":\"The smoke is very colorful.\"},\"priority\":\"urgent\",\"subject\":\"My printer is on fire!\"}}");
                answers.add(created);
                long id = json(created).path("ticket").path("id").asLong();
                answers.add(client.put("/api/v2/tickets/" + id + ".json",
                        "{\"ticket\":{\"comment\":{\"body\":\"Thanks for choosing Acme Jet Motors.\",\"public\":true},\"custom_status_id\":321,\"status\":\"solved\"}}"));
                answers.add(client.post("/api/v2/users/create_or_update.json", """
                        {"user":{"agent_brand_ids":[8119246973690,8119246973691,8119246973692],"custom_role_id":123456,
                         "email":"roge@example.org","identities":[{"type":"email","value":"test@user.com"},{"type":"twitter","value":"tester84"}],
                         "name":"Roger Wilco","organization":{"name":"VIP Customers"},"role":"agent"}}"""));

                // what the hub's adapter calls
                HttpResponse<String> upload = client.upload("/api/v2/uploads.json?filename=crash.log", "boom\n".getBytes(), "text/plain");
                answers.add(upload);
                String token = json(upload).path("upload").path("token").asText();
                HttpResponse<String> second = client.post("/api/v2/tickets.json", """
                        {"ticket":{"subject":"Invoice missing","comment":{"body":"Where is my invoice?","public":true},"priority":"high",
                         "external_id":"SH-1001","tags":["billing"],"requester":{"name":"Ava Adams","email":"ava@acme.example"}}}""");
                answers.add(second);
                long secondId = json(second).path("ticket").path("id").asLong();
                answers.add(client.put("/api/v2/tickets/" + secondId + ".json", """
                        {"ticket":{"status":"pending","comment":{"html_body":"<p>See the log</p>","public":false,
                         "author_id":%d,"uploads":["%s"]}}}""".formatted(simulator.agentUserId(), token)));
                answers.add(client.get("/api/v2/tickets/" + secondId + ".json"));
                answers.add(client.get("/api/v2/tickets.json"));
                answers.add(client.get("/api/v2/tickets.json?external_id=SH-1001"));
                answers.add(client.get("/api/v2/tickets/" + secondId + "/comments.json"));
                answers.add(client.get("/api/v2/tickets/" + secondId + "/comments.json?page[size]=1"));
                answers.add(client.get("/api/v2/users/me.json"));
                answers.add(client.get("/api/v2/users/search.json?query=email:ava@acme.example"));
                answers.add(client.get("/api/v2/users/" + simulator.agentUserId() + ".json"));
                answers.add(client.get("/api/v2/incremental/tickets/cursor.json?start_time=0"));

                assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.uri() + " " + a.body()).isBetween(200, 201));
                List<String> problems = new ArrayList<>(proxy.requestViolations());
                problems.addAll(proxy.responseViolations());
                problems.addAll(proxy.failedExchanges());
                problems.addAll(proxy.unmatchedRequests());
                assertThat(problems).as("spec violations seen by the proxy; its log:\n" + proxy.logText()).isEmpty();
            }
        }
    }
}
