package io.supporthub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConnectionTestResult;
import io.supporthub.connector.zendesk.CommentPage;
import io.supporthub.connector.zendesk.ExportPage;
import io.supporthub.connector.zendesk.ExportPosition;
import io.supporthub.connector.zendesk.NewComment;
import io.supporthub.connector.zendesk.NewTicket;
import io.supporthub.connector.zendesk.TicketChange;
import io.supporthub.connector.zendesk.ZendeskClient;
import io.supporthub.connector.zendesk.ZendeskConnectionTest;
import io.supporthub.connector.zendesk.ZendeskSettings;
import io.supporthub.connector.zendesk.ZendeskTicket;
import io.supporthub.connector.zendesk.ZendeskUpload;
import io.supporthub.testing.Prism;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract suite: the Zendesk client against Prism serving Zendesk's own Support API description.
 * Every request the client sends must satisfy the description (paths, parameters, bodies, Basic
 * authentication), and the description's example answers must read as what the client returns.
 */
class ZendeskContractIT {

    @BeforeAll
    static void prismAndSpecs() {
        VendorSpecs.assumeShared();
        Prism.assumeInstalled();
    }

    @Test
    void every_operation_the_client_calls_is_a_request_zendesk_s_description_accepts_and_its_example_answers_read() throws Exception {
        try (Prism zendesk = Prism.mock(VendorSpecs.zendeskSupport())) {
            ZendeskClient client = new ZendeskClient(settings(zendesk.url()));

            ZendeskUpload upload = client.attachments().upload("crash.png", "image/png", "png bytes".getBytes(StandardCharsets.UTF_8),
                    Optional.empty());
            assertThat(upload.token()).isEqualTo("LXJdriewLBP8JrtzzkN7Ne4k6");
            client.attachments().upload("notes.txt", "text/plain", "more".getBytes(StandardCharsets.UTF_8), Optional.of(upload.token()));

            ZendeskTicket created = client.createTicket(new NewTicket("SH-1001", "Production is down",
                    NewTicket.Requester.byEmail("ava@acme.example", "Ava Example"),
                    NewComment.publicReply("Production is down for all users.").withUploads(List.of(upload.token())), "urgent", "new",
                    List.of("support-hub")));
            assertThat(created.id()).isEqualTo(35436L);
            client.createTicket(new NewTicket("SH-1002", "Invoice", NewTicket.Requester.byId(20978392),
                    NewComment.internalNote("Called about May.").by(76872), null, null, List.of()));

            assertThat(client.showTicket(35436).subject()).isEqualTo("Help, my printer is on fire!");
            assertThat(client.updateTicket(35436, TicketChange.status("solved").withPriority("low")
                    .withComment(NewComment.internalNote("Certificate renewed")).ifUnchangedSince(Instant.parse("2011-05-05T10:38:52Z")))
                    .id()).isEqualTo(35436L);

            CommentPage comments = client.listComments(35436, Optional.empty());
            assertThat(comments.comments()).singleElement().satisfies(c -> assertThat(c.body()).isEqualTo("Thanks for your help!"));
            client.listComments(35436, Optional.of("eyJvIjoiaWQiLCJ2IjoiYVFFPSJ9"));

            ExportPage first = client.export().next(ExportPosition.startingAt(Instant.parse("2026-12-01T00:00:00Z")));
            assertThat(first.tickets()).singleElement().extracting(ZendeskTicket::id).isEqualTo(35436L);
            assertThat(first.next()).isEqualTo(ExportPosition.after("MTU3NjYxMzUzOS4wfHw0Njd8"));
            client.export().next(first.next());

            client.findUserByEmail("roge@example.org");
            assertThat(client.createOrUpdateUser("roge@example.org", "Roger Wilco").id()).isEqualTo(9873843L);
            assertThat(client.showSelf().isStaff()).isTrue();

            ConnectionTestResult test = new ZendeskConnectionTest(settings(zendesk.url())).run();
            assertThat(test.ok()).as(test.summary()).isTrue();

            assertThat(zendesk.requestsReceived("post /api/v2/uploads")).isEqualTo(2);
            assertThat(zendesk.requestsReceived("get /api/v2/incremental/tickets/cursor")).isEqualTo(2);
            assertThat(zendesk.requestsReceived("get /api/v2/users/me")).isEqualTo(2);
            assertThat(zendesk.requestViolations()).as("requests that break Zendesk's description").isEmpty();
            assertThat(zendesk.logText().lines().filter(line -> line.contains("did not pass the validation rules")).toList())
                    .as("requests Prism refused:\n" + zendesk.logText()).isEmpty();
            assertThat(zendesk.unmatchedRequests()).isEmpty();
            assertThat(zendesk.failedExchanges()).isEmpty();
        }
    }

    private static ZendeskSettings settings(String url) {
        return ZendeskSettings.from(new ConfigSource("zendesk.properties", Map.of("zendesk.enabled", "true", "zendesk.base-url", url,
                "zendesk.email", "hub@acme.example", "zendesk.api-token", "contract-token", "zendesk.timeout", "PT20S")));
    }
}
