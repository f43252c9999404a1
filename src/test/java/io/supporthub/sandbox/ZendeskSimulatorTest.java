package io.supporthub.sandbox;

import static io.supporthub.sandbox.ZendeskHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Zendesk simulator driven as any Zendesk client drives Zendesk: tickets, comments, users, and the errors Zendesk writes. */
class ZendeskSimulatorTest {

    private ZendeskSimulator simulator;
    private ZendeskHttp hub;
    private ZendeskHttp agent;

    @BeforeEach
    void start() throws Exception {
        simulator = new ZendeskSimulator(0, null);
        simulator.start();
        hub = ZendeskHttp.as(simulator.baseUrl(), ZendeskSimulator.INTEGRATION_EMAIL);
        agent = ZendeskHttp.as(simulator.baseUrl(), ZendeskSimulator.AGENT_EMAIL);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JsonNode createTicket(String json) {
        HttpResponse<String> created = hub.post("/api/v2/tickets.json", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("ticket");
    }

    @Test
    void a_ticket_created_with_a_new_requester_creates_the_end_user_and_keeps_every_field() {
        HttpResponse<String> created = hub.post("/api/v2/tickets.json", """
                {"ticket":{"subject":"Invoice missing","comment":{"body":"Where is my invoice?"},"priority":"high",
                 "external_id":"SH-1001","tags":["billing","VIP customer"],"requester":{"name":"Ava Adams","email":"ava@acme.example"}}}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode ticket = json(created).path("ticket");
        assertThat(created.headers().firstValue("Location")).hasValue(simulator.baseUrl() + "/api/v2/tickets/" + ticket.path("id").asLong() + ".json");
        assertThat(ticket.path("status").asText()).isEqualTo("new");
        assertThat(ticket.path("priority").asText()).isEqualTo("high");
        assertThat(ticket.path("external_id").asText()).isEqualTo("SH-1001");
        assertThat(ticket.path("description").asText()).isEqualTo("Where is my invoice?");
        assertThat(ticket.path("tags")).extracting(JsonNode::asText).containsExactly("billing", "vip", "customer");
        assertThat(ticket.path("submitter_id").asLong()).isEqualTo(simulator.integrationUserId());
        assertThat(ticket.path("created_at").asText()).isEqualTo(ticket.path("updated_at").asText()).endsWith("Z");
        JsonNode requester = json(hub.get("/api/v2/users/" + ticket.path("requester_id").asLong() + ".json")).path("user");
        assertThat(requester.path("email").asText()).isEqualTo("ava@acme.example");
        assertThat(requester.path("role").asText()).isEqualTo("end-user");
        assertThat(json(hub.get("/api/v2/tickets/" + ticket.path("id").asLong() + ".json")).path("ticket").path("subject").asText())
                .isEqualTo("Invoice missing");
    }

    @Test
    void ids_increase_and_tickets_are_listed_and_found_by_external_id() {
        long first = createTicket("{\"ticket\":{\"comment\":{\"body\":\"one\"},\"external_id\":\"SH-1\"}}").path("id").asLong();
        long second = createTicket("{\"ticket\":{\"comment\":{\"body\":\"two\"},\"external_id\":\"SH-2\"}}").path("id").asLong();

        assertThat(second).isGreaterThan(first);
        JsonNode all = json(hub.get("/api/v2/tickets.json"));
        assertThat(all.path("tickets").findValuesAsText("external_id")).containsExactly("SH-1", "SH-2");
        assertThat(all.path("count").asInt()).isEqualTo(2);
        assertThat(json(hub.get("/api/v2/tickets.json?external_id=SH-2")).path("tickets").findValuesAsText("id"))
                .containsExactly(Long.toString(second));
    }

    @Test
    void comments_are_added_by_updating_the_ticket_and_listed_in_cursor_pages() {
        long id = createTicket("{\"ticket\":{\"subject\":\"Help\",\"comment\":{\"body\":\"First\"}}}").path("id").asLong();
        HttpResponse<String> note = agent.put("/api/v2/tickets/" + id + ".json",
                "{\"ticket\":{\"status\":\"open\",\"comment\":{\"body\":\"Checked the logs\",\"public\":false}}}");
        agent.put("/api/v2/tickets/" + id + ".json", "{\"ticket\":{\"comment\":{\"html_body\":\"<p>We are <b>on it</b></p><p>Line two</p>\"}}}");

        assertThat(note.statusCode()).isEqualTo(200);
        JsonNode audit = json(note).path("audit");
        assertThat(audit.path("author_id").asLong()).isEqualTo(simulator.agentUserId());
        assertThat(audit.path("events").findValuesAsText("type")).containsExactly("Change", "Comment");
        assertThat(json(note).path("ticket").path("status").asText()).isEqualTo("open");

        JsonNode firstPage = json(hub.get("/api/v2/tickets/" + id + "/comments.json?page[size]=2"));
        assertThat(firstPage.path("comments").findValuesAsText("body")).containsExactly("First", "Checked the logs");
        assertThat(firstPage.path("comments").get(1).path("public").asBoolean()).isFalse();
        assertThat(firstPage.path("comments").get(1).path("author_id").asLong()).isEqualTo(simulator.agentUserId());
        assertThat(firstPage.path("meta").path("has_more").asBoolean()).isTrue();
        String next = firstPage.path("links").path("next").asText();
        assertThat(next).contains("page%5Bafter%5D=" + firstPage.path("meta").path("after_cursor").asText());

        JsonNode secondPage = json(hub.get(next));
        JsonNode reply = secondPage.path("comments").get(0);
        assertThat(secondPage.path("comments")).hasSize(1);
        assertThat(secondPage.path("meta").path("has_more").asBoolean()).isFalse();
        assertThat(secondPage.path("links").path("next").isNull()).isTrue();
        assertThat(reply.path("public").asBoolean()).isTrue();
        assertThat(reply.path("body").asText()).isEqualTo("We are on it\n\nLine two");
        assertThat(reply.path("html_body").asText()).isEqualTo("<p>We are <b>on it</b></p><p>Line two</p>");
        assertThat(json(hub.get("/api/v2/tickets/" + id + ".json")).path("ticket").path("is_public").asBoolean()).isTrue();
        assertThat(json(hub.get("/api/v2/tickets/" + id + "/comments.json?sort_order=desc")).path("comments").get(0).path("id").asLong())
                .isEqualTo(reply.path("id").asLong());
    }

    @Test
    void an_update_changes_only_what_it_names_and_moves_updated_at() {
        JsonNode ticket = createTicket("{\"ticket\":{\"subject\":\"Help\",\"comment\":{\"body\":\"x\"},\"tags\":[\"a\"],\"priority\":\"low\"}}");
        JsonNode updated = json(hub.put("/api/v2/tickets/" + ticket.path("id").asLong() + ".json",
                "{\"ticket\":{\"priority\":\"urgent\",\"additional_tags\":[\"b\"],\"external_id\":\"SH-9\"}}")).path("ticket");

        assertThat(updated.path("priority").asText()).isEqualTo("urgent");
        assertThat(updated.path("subject").asText()).isEqualTo("Help");
        assertThat(updated.path("tags")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(updated.path("external_id").asText()).isEqualTo("SH-9");
        assertThat(updated.path("generated_timestamp").asLong()).isGreaterThanOrEqualTo(ticket.path("generated_timestamp").asLong());
    }

    @Test
    void refused_values_answer_422_record_invalid_and_change_nothing() {
        long id = createTicket("{\"ticket\":{\"comment\":{\"body\":\"x\"},\"priority\":\"low\"}}").path("id").asLong();

        HttpResponse<String> badPriority = hub.put("/api/v2/tickets/" + id + ".json", "{\"ticket\":{\"status\":\"solved\",\"priority\":\"asap\"}}");
        HttpResponse<String> blank = hub.post("/api/v2/tickets.json", "{\"ticket\":{\"subject\":\"no text\"}}");

        assertThat(badPriority.statusCode()).isEqualTo(422);
        assertThat(json(badPriority).path("error").asText()).isEqualTo("RecordInvalid");
        assertThat(json(badPriority).path("details").path("priority").get(0).path("error").asText()).isEqualTo("InvalidValue");
        assertThat(json(hub.get("/api/v2/tickets/" + id + ".json")).path("ticket").path("status").asText()).isEqualTo("new");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(json(blank).path("details").path("description").get(0).path("description").asText()).isEqualTo("Description: cannot be blank");
    }

    @Test
    void a_closed_ticket_refuses_updates_as_zendesk_does() {
        long id = createTicket("{\"ticket\":{\"comment\":{\"body\":\"x\"}}}").path("id").asLong();
        hub.put("/api/v2/tickets/" + id + ".json", "{\"ticket\":{\"status\":\"closed\"}}");

        HttpResponse<String> again = hub.put("/api/v2/tickets/" + id + ".json", "{\"ticket\":{\"comment\":{\"body\":\"late\"}}}");

        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(json(again).path("details").path("status").get(0).path("error").asText()).isEqualTo("ClosedPreventsUpdate");
    }

    @Test
    void an_unknown_id_is_404_record_not_found() {
        HttpResponse<String> missing = hub.get("/api/v2/tickets/999999.json");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).isEqualTo("RecordNotFound");
        assertThat(json(missing).path("description").asText()).isEqualTo("Not found");
        assertThat(hub.put("/api/v2/tickets/999999.json", "{\"ticket\":{}}").statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/v2/tickets/999999/comments.json").statusCode()).isEqualTo(404);
    }

    @Test
    void basic_auth_with_the_api_token_and_bearer_with_the_oauth_token_are_accepted_anything_else_is_401() {
        String wrongToken = "Basic " + Base64.getEncoder().encodeToString((ZendeskSimulator.AGENT_EMAIL + "/token:wrong").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> bearer = ZendeskHttp.withAuthorization(simulator.baseUrl(), "Bearer " + ZendeskSimulator.OAUTH_TOKEN).get("/api/v2/users/me.json");
        HttpResponse<String> wrong = ZendeskHttp.withAuthorization(simulator.baseUrl(), wrongToken).get("/api/v2/tickets.json");
        HttpResponse<String> none = ZendeskHttp.withAuthorization(simulator.baseUrl(), null).get("/api/v2/tickets.json");

        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(json(bearer).path("user").path("id").asLong()).isEqualTo(simulator.integrationUserId());
        assertThat(json(agent.get("/api/v2/users/me.json")).path("user").path("role").asText()).isEqualTo("agent");
        for (HttpResponse<String> refused : java.util.List.of(wrong, none)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("error").asText()).isEqualTo("Couldn't authenticate you");
        }
    }

    @Test
    void users_are_found_by_email_and_created_or_updated_by_email() {
        HttpResponse<String> created = hub.post("/api/v2/users/create_or_update.json", "{\"user\":{\"name\":\"Erin\",\"email\":\"erin@globex.example\"}}");
        HttpResponse<String> updated = hub.post("/api/v2/users/create_or_update.json",
                "{\"user\":{\"name\":\"Erin Example\",\"email\":\"ERIN@globex.example\",\"external_id\":\"crm-42\"}}");
        HttpResponse<String> nameless = hub.post("/api/v2/users/create_or_update.json", "{\"user\":{\"email\":\"new@globex.example\"}}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("user").path("id").asLong()).isEqualTo(json(created).path("user").path("id").asLong());
        assertThat(nameless.statusCode()).isEqualTo(422);
        JsonNode found = json(hub.get("/api/v2/users/search.json?query=email:erin@globex.example"));
        assertThat(found.path("users")).hasSize(1);
        assertThat(found.path("users").get(0).path("name").asText()).isEqualTo("Erin Example");
        assertThat(found.path("users").get(0).path("external_id").asText()).isEqualTo("crm-42");
        assertThat(json(hub.get("/api/v2/users/search.json?query=email:nobody@globex.example")).path("users")).isEmpty();
    }

    @Test
    void an_agent_cannot_export_or_manage_webhooks_and_an_unknown_path_is_invalid_endpoint() {
        assertThat(agent.get("/api/v2/incremental/tickets/cursor.json?start_time=0").statusCode()).isEqualTo(403);
        assertThat(agent.get("/api/v2/webhooks").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = hub.get("/api/v2/macros.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("InvalidEndpoint");
    }
}
