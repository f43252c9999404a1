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
import io.supporthub.testing.FreePort;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.TestMails;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TnefBlob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail's files through the real routes: fetched over IMAP, stored with the ticket and with a reply's
 * comment, listed on the ticket, downloaded with headers that keep them inert, and the over-limit one noted.
 */
class MailAttachmentsIT {

    static final String SUPPORT = "support@hub.test";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] PDF = "%PDF-1.4\n% a small but real-looking PDF\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret"))
            .withPerMethodLifecycle(false);

    static HubApplication hub;
    static String api;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePort.next();
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret")
                .environment("HUB_MAIL_ATTACHMENT_MAX_SIZE", "8KB")
                .camelProperty("camel.server.port", Integer.toString(port)).start();
        api = "http://127.0.0.1:" + port + "/api/v1/tickets/";
        new ApiTokens(new Transactions(hub.dataSource())).install("viewer", "viewer-token", ApiRole.VIEWER);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void a_mails_files_are_stored_listed_on_the_ticket_and_downloaded_as_inert_attachments() throws Exception {
        deliver(mail("<files-1@acme.example>", "Invoice question", ""));
        String key = awaitTicket("files-1@acme.example");

        JsonNode ticket = JSON.readTree(get(key, "viewer-token").body());
        JsonNode files = ticket.path("attachments");
        // the mail's own files in order (winmail.dat unpacked in place), then the forwarded mail's, then the forwarded mail whole
        assertThat(names(files)).containsExactly(null, "Rechnung März №7.pdf", "page.html", "Quote 2026.xlsx", "logs.zip",
                "notes.txt", "Angebot für Sie.eml");
        assertThat(files.findValuesAsText("origin")).containsExactly("mail", "mail", "mail", "tnef", "mail", "forwarded", "mail");
        JsonNode logo = files.get(0);
        assertThat(logo.path("inline").asBoolean()).isTrue();
        assertThat(ticket.path("description_html").asText()).contains("src=\"" + logo.path("download_url").asText() + "\"")
                .doesNotContain("cid:").as("no remote images: they are tracking pixels").doesNotContain("tracker.example");
        JsonNode zip = files.get(4);
        assertThat(zip.path("stored").asBoolean()).isFalse();
        assertThat(zip.path("not_stored").asText()).isEqualTo("not stored: over 8192 bytes (the per-attachment limit)");
        assertThat(zip.path("download_url").isNull()).isTrue();
        assertThat(ticket.path("timeline").findValuesAsText("reason"))
                .contains("'logs.zip' (10000 bytes) not stored: over 8192 bytes (the per-attachment limit)");

        HttpResponse<byte[]> pdf = download(files.get(1).path("download_url").asText(), "viewer-token");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Rechnung M_rz _7.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz%20%E2%84%967.pdf");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<byte[]> html = download(files.get(2).path("download_url").asText(), "viewer-token");
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; sandbox");
        assertThat(new String(download(files.get(3).path("download_url").asText(), "viewer-token").body(), StandardCharsets.US_ASCII))
                .isEqualTo("sheet bytes");

        JsonNode listed = JSON.readTree(get(key + "/attachments", "viewer-token").body()).path("items");
        assertThat(names(listed)).isEqualTo(names(files));
        assertThat(get(key + "/attachments/" + zip.path("id").asText(), "viewer-token").statusCode()).isEqualTo(404);
        assertThat(get(key + "/attachments/" + zip.path("id").asText(), "viewer-token").body()).contains("not stored: over 8192 bytes");
        assertThat(get(key + "/attachments/999999", "viewer-token").statusCode()).isEqualTo(404);
        assertThat(get(key + "/attachments/abc", "viewer-token").statusCode()).isEqualTo(400);
        assertThat(get("SH-999999/attachments", "viewer-token").statusCode()).isEqualTo(404);
        assertThat(get(key + "/attachments", null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_replys_files_land_on_its_comment_and_a_file_the_ticket_has_is_stored_once() throws Exception {
        deliver(mail("<files-2@acme.example>", "Contract draft", ""));
        String key = awaitTicket("files-2@acme.example");
        deliver(mail("<files-3@acme.example>", "Re: [" + key + "] Contract draft", "In-Reply-To: <files-2@acme.example>\n"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(hub.dataSource(),
                "select count(*) from mail_message where message_id = 'files-3@acme.example' and comment_id is not null") == 1);

        JsonNode files = JSON.readTree(get(key + "/attachments", "viewer-token").body()).path("items");
        List<JsonNode> onComment = StreamSupport.stream(files.spliterator(), false).filter(f -> !f.path("comment_id").isNull()).toList();
        assertThat(onComment).hasSize(7);
        assertThat(onComment).allSatisfy(f -> assertThat(f.path("message_key").asText()).isEqualTo("files-3@acme.example"));
        long ticketId = (Long) Rows.one(hub.dataSource(), "select id from ticket where key = ?", key).get("id");
        assertThat(Rows.count(hub.dataSource(), "select count(*) from ticket_attachment_content where ticket_id = ?", ticketId))
                .as("the reply repeats every stored file; each is kept once").isEqualTo(6);
        assertThat(Rows.one(hub.dataSource(), "select body_html from ticket_comment where ticket_id = ?", ticketId).get("body_html").toString())
                .contains("/api/v1/tickets/" + key + "/attachments/" + onComment.get(0).path("id").asText());
    }

    static List<String> names(JsonNode files) {
        return StreamSupport.stream(files.spliterator(), false).map(f -> f.path("filename").isNull() ? null : f.path("filename").asText()).toList();
    }

    /** An HTML mail with an inline logo, a PDF named in RFC 2231, an HTML page, a winmail.dat, a 10 kB zip and a forwarded mail. */
    static String mail(String messageId, String subject, String extraHeaders) {
        String b64 = "Content-Transfer-Encoding: base64\n\n";
        // stamped by the receiving server the hub trusts: Ann's reply may join her ticket by naming her own first mail
        return TestMails.stampLine("ann@acme.example").replace("\r\n", "\n") + "From: Ann Example <ann@acme.example>\nTo: support@hub.test\nSubject: " + subject + "\nMessage-ID: " + messageId + "\n"
                + extraHeaders + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"outer\"\n\n"
                + "--outer\nContent-Type: multipart/related; boundary=\"rel\"\n\n"
                + "--rel\nContent-Type: text/html; charset=utf-8\n\n<p>Please see the invoice.<img src=\"cid:logo@acme.example\">"
                + "<img src=\"https://tracker.example/pixel.gif\"></p>\n"
                + "--rel\nContent-Type: image/png\nContent-ID: <logo@acme.example>\n" + b64 + "iVBORw0KGgoAAAANSUhEUg==\n--rel--\n"
                + "--outer\nContent-Type: application/pdf\nContent-Disposition: attachment;\n"
                + " filename*0*=UTF-8''Rechnung%20M%C3%A4rz%20;\n filename*1*=%E2%84%967.pdf\n" + b64 + encode(PDF) + "\n"
                + "--outer\nContent-Type: text/html; name=\"page.html\"\nContent-Disposition: attachment\n" + b64
                + encode("<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)) + "\n"
                + "--outer\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\n" + b64
                + encode(TnefBlob.withFile("Quote 2026.xlsx", "sheet bytes".getBytes(StandardCharsets.US_ASCII))) + "\n"
                + "--outer\nContent-Type: application/zip; name=\"logs.zip\"\n" + b64 + encode(new byte[10_000]) + "\n"
                + "--outer\nContent-Type: message/rfc822\n\nFrom: Bob <bob@supplier.example>\nSubject: =?UTF-8?Q?Angebot_f=C3=BCr_Sie?=\n"
                + "Content-Type: multipart/mixed; boundary=\"inner\"\n\n--inner\nContent-Type: text/plain\n\nSee the notes.\n"
                + "--inner\nContent-Type: text/plain; name=\"notes.txt\"\nContent-Disposition: attachment\n\nthe notes\n--inner--\n"
                + "--outer--\n";
    }

    static String encode(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    static void deliver(String rfc822) throws Exception {
        var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(SUPPORT))
                .appendMessage(message, new jakarta.mail.Flags(), new java.util.Date());
    }

    static String awaitTicket(String messageId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Rows.count(hub.dataSource(),
                "select count(*) from mail_message where message_id = ? and ticket_id is not null", messageId) == 1);
        Map<String, Object> row = Rows.one(hub.dataSource(), "select t.key from mail_message m join ticket t on t.id = m.ticket_id "
                + "where m.message_id = ?", messageId);
        return (String) row.get("key");
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.replace("/api/v1/tickets/", "") + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
