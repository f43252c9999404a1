package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.admin.ApiRole;
import io.supporthub.admin.ApiTokens;
import io.supporthub.db.Transactions;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Rows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail decisions and the quarantine through the real routes: queried by viewers, replayed by admins and from the command line. */
class MailAdminIT {

    static final String SUPPORT = "support@hub.test";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static HubApplication hub;
    static String base;
    static MailQuarantine quarantine;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePort.next();
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret")
                .camelProperty("camel.server.port", Integer.toString(port)).start();
        base = "http://127.0.0.1:" + port + "/api/v1/mail";
        new ApiTokens(new Transactions(hub.dataSource())).install("viewer", "viewer-token", ApiRole.VIEWER);
        quarantine = new MailQuarantine(new Transactions(hub.dataSource()));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void decisions_are_found_by_message_id_with_or_without_brackets_and_by_ticket() throws Exception {
        deliver("Message-ID: <dec-1@example.org>\nFrom: ann@example.org\nTo: support@hub.test\nSubject: Where is my order?\n\n"
                + "Order 1182 has not arrived.\n");
        await().atMost(Duration.ofSeconds(15)).until(() -> Rows.count(hub.dataSource(),
                "select count(*) from mail_message where message_id = ?", "dec-1@example.org") == 1);

        JsonNode byId = JSON.readTree(get("/decisions?message_id=" + encode("<dec-1@example.org>"), "viewer-token").body());
        JsonNode item = byId.path("items").get(0);
        assertThat(item.path("decision").asText()).isEqualTo("created_ticket");
        assertThat(item.path("decided_by").asText()).isEqualTo("create-or-append");
        assertThat(item.path("comment_id").isNull()).isTrue();
        String key = item.path("ticket_key").asText();
        assertThat(key).startsWith("SH-");

        JsonNode byTicket = JSON.readTree(get("/decisions?ticket=" + key, "viewer-token").body());
        assertThat(byTicket.path("items").findValuesAsText("message_id")).containsExactly("dec-1@example.org");
        assertThat(get("/decisions?message_id=x", null).statusCode()).isEqualTo(401);
        assertThat(get("/decisions", "viewer-token").statusCode()).isEqualTo(400);
    }

    @Test
    void a_quarantined_mail_is_listed_replayed_once_by_an_admin_and_a_second_replay_changes_nothing() throws Exception {
        long id = quarantine.store(SUPPORT, raw("From: Bea <bea@example.org>\nTo: support@hub.test\nSubject: Refund please\n"
                + "Message-ID: <q-1@example.org>\n\nPlease refund order 77.\n"), "DatabaseException: connection refused (an outage)");

        JsonNode listed = JSON.readTree(get("/quarantine?pending=true", "viewer-token").body());
        assertThat(listed.path("items").findValuesAsText("error")).contains("DatabaseException: connection refused (an outage)");
        assertThat(listed.toString()).doesNotContain("Please refund");
        assertThat(post("/quarantine/" + id + "/replay", "viewer-token").statusCode()).isEqualTo(403);

        HttpResponse<String> replayed = post("/quarantine/" + id + "/replay", HubUnderTest.ADMIN_TOKEN);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).path("decisions").get(0).path("decision").asText()).isEqualTo("created_ticket");
        assertThat(post("/quarantine/" + id + "/replay", HubUnderTest.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket where requester_email = ?", "bea@example.org")).isEqualTo(1);
        assertThat(Rows.one(hub.dataSource(), "select replayed_at is not null as done from mail_quarantine where id = ?", id))
                .containsEntry("done", true);
        assertThat(post("/quarantine/999999/replay", HubUnderTest.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void a_replay_that_fails_again_answers_422_with_why_and_the_mail_stays_in_quarantine() throws Exception {
        long id = quarantine.store(SUPPORT, raw("Subject: no sender at all\nMessage-ID: <q-5@example.org>\n\nWho am I?\n"), "no From");

        HttpResponse<String> replayed = post("/quarantine/" + id + "/replay", HubUnderTest.ADMIN_TOKEN);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(422);
        assertThat(JSON.readTree(replayed.body()).path("error").asText()).contains("replay failed, the mail stays in quarantine", "no readable From");
        assertThat(Rows.one(hub.dataSource(), "select replayed_at is null as pending from mail_quarantine where id = ?", id))
                .containsEntry("pending", true);
    }

    @Test
    void the_mail_replay_command_replays_every_pending_mail_and_reports_the_ones_that_fail_again() throws Exception {
        long good = quarantine.store(SUPPORT, raw("From: cy@example.org\nSubject: Login\nMessage-ID: <q-2@example.org>\n\nCannot log in.\n"), "outage");
        long bad = quarantine.store(SUPPORT, raw("Subject: no sender at all\nMessage-ID: <q-3@example.org>\n\nWho am I?\n"), "no From");
        byte[] heldRaw = raw("From: robot@loop.example\nSubject: Auto answer\nMessage-ID: <q-4@example.org>\n\nThanks!\n");
        long held = quarantine.hold(new io.supporthub.mail.MailReceipt(SUPPORT, "q-4@example.org", "q-4@example.org",
                io.supporthub.mail.RawMail.sha256(heldRaw), heldRaw.length), heldRaw, "creation-cap", "creation cap: robot@loop.example").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = MailReplayCommand.replay(hub, List.of("--all"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        System.out.print(out.toString(StandardCharsets.UTF_8));
        System.out.print(err.toString(StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(good + " {").contains("created_ticket");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad + " replay failed, the mail stays in quarantine", "no readable From");
        assertThat(Rows.one(hub.dataSource(), "select replayed_at is null as pending from mail_quarantine where id = ?", bad))
                .containsEntry("pending", true);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("--all takes mail that failed; held mail is released one by one")
                .doesNotContain(held + " {").contains("replayed 1 of 2");
        assertThat(Rows.one(hub.dataSource(), "select replayed_at is null as pending from mail_quarantine where id = ?", held))
                .containsEntry("pending", true);
        assertThat(MailReplayCommand.replay(hub, List.of("seven"), System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }

    /** Puts a raw mail straight into the support INBOX; this test is about what happens after intake. */
    static void deliver(String rfc822) throws Exception {
        var session = jakarta.mail.Session.getInstance(new java.util.Properties());
        var message = new jakarta.mail.internet.MimeMessage(session, new java.io.ByteArrayInputStream(raw(rfc822)));
        greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(SUPPORT))
                .appendMessage(message, new jakarta.mail.Flags(), new java.util.Date());
    }

    static byte[] raw(String rfc822) {
        return rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
