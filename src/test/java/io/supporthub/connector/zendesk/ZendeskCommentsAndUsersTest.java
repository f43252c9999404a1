package io.supporthub.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.supporthub.connector.zendesk.WireMockZendesk.AUTHORIZATION;
import static io.supporthub.connector.zendesk.WireMockZendesk.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** List a ticket's comments (cursor pagination), search users by e-mail, create-or-update user and show self, against WireMock. */
class ZendeskCommentsAndUsersTest {

    @RegisterExtension
    final WireMockZendesk zendesk = new WireMockZendesk();

    @Test
    void comments_come_a_page_at_a_time_with_the_cursor_of_the_next_page() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/35436/comments")).withQueryParam("page[size]", equalTo("100"))
                .withQueryParam("page[after]", com.github.tomakehurst.wiremock.client.WireMock.absent()).willReturn(json(200, """
                {"comments": [
                   {"id": 1274, "type": "Comment", "author_id": 20978392, "body": "Production is down", "html_body": "<p>Production is down</p>",
                    "plain_body": "Production is down", "public": true, "created_at": "2026-12-04T08:59:58Z", "audit_id": 432567,
                    "attachments": [{"id": 498483, "file_name": "crash.log", "content_url": "https://acme.zendesk.com/attachments/token/t/?name=crash.log",
                                     "content_type": "text/plain", "size": 2532, "inline": false, "deleted": false, "thumbnails": []}],
                    "via": {"channel": "email"}, "metadata": {"system": {"ip_address": "1.1.1.1"}}},
                   {"id": 1275, "type": "Comment", "author_id": 76872, "body": "Looking into it", "public": false,
                    "created_at": "2026-12-04T09:01:00Z", "attachments": []}],
                 "meta": {"has_more": true, "after_cursor": "xXx1275", "before_cursor": "xXx1274"},
                 "links": {"next": "https://acme.zendesk.com/api/v2/tickets/35436/comments.json?page%5Bafter%5D=xXx1275&page%5Bsize%5D=100"}}""")));
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/35436/comments")).withQueryParam("page[after]", equalTo("xXx1275"))
                .withHeader("Authorization", equalTo(AUTHORIZATION)).willReturn(json(200, """
                {"comments": [{"id": 1290, "body": "Fixed", "public": true, "created_at": "2026-12-04T09:30:00Z"}],
                 "meta": {"has_more": false, "after_cursor": "xXx1290", "before_cursor": "xXx1290"}}""")));
        ZendeskClient client = zendesk.client();

        CommentPage first = client.listComments(35436, Optional.empty());
        assertThat(first.comments()).extracting(ZendeskComment::id).containsExactly(1274L, 1275L);
        assertThat(first.comments().get(0).isPublicReply()).isTrue();
        assertThat(first.comments().get(1).isPublicReply()).as("an internal note").isFalse();
        assertThat(first.comments().get(0).attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("crash.log");
            assertThat(file.size()).isEqualTo(2532L);
        });
        assertThat(first.comments().get(0).via().channel()).isEqualTo("email");
        assertThat(first.next()).hasValue("xXx1275");

        CommentPage last = client.listComments(35436, first.next());
        assertThat(last.comments()).extracting(ZendeskComment::body).containsExactly("Fixed");
        assertThat(last.next()).as("the last page").isEmpty();
    }

    @Test
    void a_comment_list_answered_without_pagination_meta_is_one_last_page() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/tickets/9/comments")).willReturn(json(200,
                "{\"comments\": [{\"id\": 1, \"body\": \"Hi\"}]}")));
        CommentPage page = zendesk.client().listComments(9, Optional.empty());
        assertThat(page.comments()).singleElement().satisfies(c -> assertThat(c.isPublicReply()).as("public unless Zendesk says not").isTrue());
        assertThat(page.next()).isEmpty();
    }

    @Test
    void a_user_is_found_by_exactly_its_e_mail_among_zendesk_s_loose_matches() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/users/search")).withQueryParam("query", equalTo("email:ava@acme.example"))
                .willReturn(json(200, """
                {"users": [{"id": 1, "name": "Ava Other", "email": "ava@acme.example.org", "role": "end-user"},
                           {"id": 2, "name": "Ava Example", "email": "Ava@Acme.example", "role": "end-user", "active": true}],
                 "next_page": null, "previous_page": null, "count": 2}""")));

        Optional<ZendeskUser> found = zendesk.client().findUserByEmail("AVA@acme.example");

        assertThat(found).get().extracting(ZendeskUser::id).isEqualTo(2L);
    }

    @Test
    void an_e_mail_zendesk_does_not_know_finds_nobody() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/users/search")).willReturn(json(200, "{\"users\": [], \"count\": 0}")));
        assertThat(zendesk.client().findUserByEmail("nobody@acme.example")).isEmpty();
    }

    @Test
    void create_or_update_user_sends_the_e_mail_and_name_without_a_verification_mail_and_reads_201_and_200() throws Exception {
        zendesk.server.stubFor(post("/api/v2/users/create_or_update").willReturn(json(201, """
                {"user": {"id": 9873843, "name": "Erin Example", "email": "erin@globex.example", "role": "end-user", "url": "https://x"}}""")));
        ZendeskUser created = zendesk.client().createOrUpdateUser("erin@globex.example", "Erin Example");
        assertThat(created.id()).isEqualTo(9873843L);
        assertThat(created.isStaff()).isFalse();
        zendesk.server.verify(postRequestedFor(urlEqualTo("/api/v2/users/create_or_update")).withRequestBody(equalToJson("""
                {"user": {"email": "erin@globex.example", "name": "Erin Example", "skip_verify_email": true}}""")));

        zendesk.server.stubFor(post("/api/v2/users/create_or_update").willReturn(json(200, """
                {"user": {"id": 9873843, "name": "Erin Example", "email": "erin@globex.example", "role": "end-user"}}""")));
        assertThat(zendesk.client().createOrUpdateUser("erin@globex.example", null).id()).isEqualTo(9873843L);
    }

    @Test
    void show_self_names_the_user_the_token_signs_in_as() throws Exception {
        zendesk.server.stubFor(get("/api/v2/users/me").withHeader("Authorization", equalTo(AUTHORIZATION)).willReturn(json(200, """
                {"user": {"id": 35436, "name": "Support Hub", "email": "hub@acme.example", "role": "admin", "authenticity_token": "x"}}""")));
        ZendeskUser self = zendesk.client().showSelf();
        assertThat(self.isStaff()).isTrue();
        assertThat(self.name()).isEqualTo("Support Hub");
    }
}
