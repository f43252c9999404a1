package io.supporthub.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.supporthub.connector.zendesk.WireMockZendesk.AUTHORIZATION;
import static io.supporthub.connector.zendesk.WireMockZendesk.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create, show and update ticket against WireMock answering as Support API v2 documents. */
class ZendeskTicketsTest {

    @RegisterExtension
    final WireMockZendesk zendesk = new WireMockZendesk();

    static final String TICKET = """
            {"ticket": {"id": 35436, "url": "https://acme.zendesk.com/api/v2/tickets/35436", "external_id": "SH-1001",
              "subject": "Production is down", "description": "Production is down for all users.", "status": "new",
              "priority": "urgent", "type": null, "requester_id": 20978392, "submitter_id": 76872, "assignee_id": null,
              "organization_id": 509974, "group_id": 98738, "tags": ["support-hub", "vip"], "created_at": "2026-12-04T08:59:58Z",
              "updated_at": "2026-12-04T08:59:59Z", "generated_timestamp": 1796374799, "via": {"channel": "api", "source": {"rel": null}},
              "custom_fields": [{"id": 27642, "value": "745"}], "satisfaction_rating": null, "brand_new_field": {"x": 1}}}""";

    @Test
    void a_new_ticket_carries_our_key_as_external_id_the_requester_by_email_and_the_first_comment() throws Exception {
        zendesk.server.stubFor(post("/api/v2/tickets").withHeader("Authorization", equalTo(AUTHORIZATION))
                .withHeader("Content-Type", equalTo("application/json")).willReturn(json(201, TICKET)
                        .withHeader("Location", "https://acme.zendesk.com/api/v2/tickets/35436.json")));

        ZendeskTicket created = zendesk.client().createTicket(new NewTicket("SH-1001", "Production is down",
                NewTicket.Requester.byEmail("ava@acme.example", "Ava Example"), NewComment.publicReply("Production is down for all users."),
                "urgent", "new", List.of("support-hub", "vip")));

        assertThat(created.id()).isEqualTo(35436L);
        assertThat(created.externalId()).isEqualTo("SH-1001");
        zendesk.server.verify(postRequestedFor(urlEqualTo("/api/v2/tickets")).withRequestBody(equalToJson("""
                {"ticket": {"external_id": "SH-1001", "subject": "Production is down",
                  "requester": {"email": "ava@acme.example", "name": "Ava Example"},
                  "comment": {"body": "Production is down for all users.", "public": true},
                  "priority": "urgent", "status": "new", "tags": ["support-hub", "vip"]}}""")));
    }

    @Test
    void an_internal_note_with_files_by_a_known_requester_sends_public_false_the_upload_tokens_and_no_unset_field() throws Exception {
        zendesk.server.stubFor(post("/api/v2/tickets").willReturn(json(201, TICKET)));

        zendesk.client().createTicket(new NewTicket("SH-1002", "Invoice question", NewTicket.Requester.byId(20978392),
                NewComment.internalNote("Customer called about May.").withUploads(List.of("LXJdriewLBP8JrtzzkN7Ne4k6")).by(76872),
                null, null, List.of()));

        zendesk.server.verify(postRequestedFor(urlEqualTo("/api/v2/tickets")).withRequestBody(equalToJson("""
                {"ticket": {"external_id": "SH-1002", "subject": "Invoice question", "requester_id": 20978392,
                  "comment": {"body": "Customer called about May.", "public": false, "author_id": 76872,
                              "uploads": ["LXJdriewLBP8JrtzzkN7Ne4k6"]}}}""", false, false)));
    }

    @Test
    void show_ticket_reads_the_fields_sync_keeps_and_tolerates_fields_it_does_not_know() throws Exception {
        zendesk.server.stubFor(get("/api/v2/tickets/35436").withHeader("Authorization", equalTo(AUTHORIZATION))
                .willReturn(json(200, TICKET)));

        ZendeskTicket ticket = zendesk.client().showTicket(35436);

        assertThat(ticket.subject()).isEqualTo("Production is down");
        assertThat(ticket.status()).isEqualTo("new");
        assertThat(ticket.priority()).isEqualTo("urgent");
        assertThat(ticket.requesterId()).isEqualTo(20978392L);
        assertThat(ticket.assigneeId()).isNull();
        assertThat(ticket.tags()).containsExactly("support-hub", "vip");
        assertThat(ticket.updatedAt()).isEqualTo(Instant.parse("2026-12-04T08:59:59Z"));
        assertThat(ticket.via().channel()).isEqualTo("api");
    }

    @Test
    void an_update_changes_status_and_priority_and_adds_a_comment_in_one_request() throws Exception {
        zendesk.server.stubFor(put("/api/v2/tickets/35436").willReturn(json(200, """
                {"audit": {"events": [{"id": 206091192546, "type": "Change", "field_name": "status", "value": "solved"}]},
                 "ticket": {"id": 35436, "status": "solved", "priority": "low", "updated_at": "2026-12-04T09:00:00Z"}}""")));

        ZendeskTicket updated = zendesk.client().updateTicket(35436, TicketChange.status("solved").withPriority("low")
                .withComment(NewComment.publicReply("Fixed: the certificate is renewed.")));

        assertThat(updated.status()).isEqualTo("solved");
        zendesk.server.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/35436")).withRequestBody(equalToJson("""
                {"ticket": {"status": "solved", "priority": "low", "comment": {"body": "Fixed: the certificate is renewed.", "public": true}}}""")));
    }

    @Test
    void an_update_based_on_a_known_version_asks_zendesk_for_a_safe_update() throws Exception {
        zendesk.server.stubFor(put("/api/v2/tickets/35436").willReturn(json(200, TICKET)));

        zendesk.client().updateTicket(35436, TicketChange.priority("high").ifUnchangedSince(Instant.parse("2026-12-04T08:59:59Z")));

        zendesk.server.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/35436")).withRequestBody(equalToJson("""
                {"ticket": {"priority": "high", "safe_update": true, "updated_stamp": "2026-12-04T08:59:59Z"}}""")));
    }

    @Test
    void values_zendesk_does_not_know_are_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> TicketChange.status("closed-ish"))
                .hasMessage("Zendesk's ticket status is one of [closed, hold, new, open, pending, solved], not 'closed-ish'");
        assertThatThrownBy(() -> new NewTicket(" ", "s", NewTicket.Requester.byId(1), NewComment.publicReply("b"), null, null, null))
                .hasMessage("a ticket the hub opens in Zendesk carries its key as external_id");
        assertThatThrownBy(() -> NewTicket.Requester.byEmail("not an address", null))
                .hasMessage("a requester is a Zendesk user id or an e-mail address, got 'not an address'");
        assertThatThrownBy(() -> NewComment.publicReply(" ")).hasMessage("a Zendesk comment needs a body: Zendesk refuses an empty one");
        assertThat(zendesk.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_success_without_a_ticket_is_an_unreadable_answer_not_a_ticket_without_id() {
        zendesk.server.stubFor(get("/api/v2/tickets/7").willReturn(json(200, "{\"tickets\": []}")));
        assertThatThrownBy(() -> zendesk.client().showTicket(7)).isInstanceOfSatisfying(ZendeskException.class,
                e -> assertThat(e.problem()).isEqualTo(ZendeskException.Problem.UNREADABLE_ANSWER));
    }
}
