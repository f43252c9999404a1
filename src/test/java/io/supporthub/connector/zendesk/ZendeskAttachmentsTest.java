package io.supporthub.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.supporthub.connector.zendesk.WireMockZendesk.AUTHORIZATION;
import static io.supporthub.connector.zendesk.WireMockZendesk.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConnectorFailure;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploads and downloads within zendesk.attachment-max-size, credentials only to the account's own address. */
class ZendeskAttachmentsTest {

    @RegisterExtension
    final WireMockZendesk zendesk = new WireMockZendesk();

    static final byte[] PNG = "\u0089PNG fake image bytes".getBytes(StandardCharsets.ISO_8859_1);

    static String uploadAnswer(String token) {
        return """
                {"upload": {"token": "%s", "attachment": {"id": 1503729607981, "file_name": "crash.png", "content_type": "image/png",
                  "content_url": "https://acme.zendesk.com/attachments/token/tyBq1ms40dFaHefSIigxZpwGg/?name=crash.png", "size": 5172,
                  "inline": false, "deleted": false, "thumbnails": []}, "attachments": []}}""".formatted(token);
    }

    @Test
    void a_file_is_uploaded_as_its_own_bytes_and_type_and_answers_the_token_a_comment_carries() throws Exception {
        zendesk.server.stubFor(post(urlPathEqualTo("/api/v2/uploads")).withQueryParam("filename", equalTo("crash.png"))
                .withQueryParam("token", absent()).withHeader("Authorization", equalTo(AUTHORIZATION))
                .withHeader("Content-Type", equalTo("image/png")).withRequestBody(binaryEqualTo(PNG))
                .willReturn(json(201, uploadAnswer("LXJdriewLBP8JrtzzkN7Ne4k6"))));

        ZendeskUpload upload = zendesk.client().attachments().upload("crash.png", "image/png", PNG, Optional.empty());

        assertThat(upload.token()).isEqualTo("LXJdriewLBP8JrtzzkN7Ne4k6");
        assertThat(upload.attachment().fileName()).isEqualTo("crash.png");
    }

    @Test
    void a_second_file_for_the_same_comment_is_uploaded_with_the_first_one_s_token() throws Exception {
        zendesk.server.stubFor(post(urlPathEqualTo("/api/v2/uploads")).withQueryParam("token", equalTo("LXJdriewLBP8JrtzzkN7Ne4k6"))
                .willReturn(json(201, uploadAnswer("LXJdriewLBP8JrtzzkN7Ne4k6"))));
        zendesk.client().attachments().upload("notes 2026.txt", null, "hello".getBytes(StandardCharsets.UTF_8), Optional.of("LXJdriewLBP8JrtzzkN7Ne4k6"));
        zendesk.server.verify(postRequestedFor(urlEqualTo("/api/v2/uploads?filename=notes%202026.txt&token=LXJdriewLBP8JrtzzkN7Ne4k6"))
                .withHeader("Content-Type", equalTo("application/octet-stream")));
    }

    @Test
    void a_file_over_the_size_limit_is_not_uploaded_and_the_failure_is_permanent() {
        ZendeskClient client = zendesk.client(Map.of("zendesk.attachment-max-size", "16"));
        assertThatThrownBy(() -> client.attachments().upload("big.bin", "application/octet-stream", new byte[17], Optional.empty()))
                .isInstanceOfSatisfying(ZendeskException.class, e -> {
                    ConnectorFailure failure = new ZendeskErrorClassifier().classify(e);
                    assertThat(failure.kind()).isEqualTo(ConnectorFailure.Kind.PERMANENT);
                    assertThat(failure.reason()).isEqualTo("upload file: not sent: big.bin is 17 bytes, over zendesk.attachment-max-size (16 bytes)");
                });
        assertThat(zendesk.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_file_on_the_account_s_own_address_is_fetched_with_the_hub_s_credentials() throws Exception {
        zendesk.server.stubFor(get("/attachments/token/abc/?name=crash.png").withHeader("Authorization", equalTo(AUTHORIZATION))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));

        ZendeskAttachments.DownloadedFile file = zendesk.client().attachments().download(attachment(zendesk.baseUrl()
                + "/attachments/token/abc/?name=crash.png", 22L, null));

        assertThat(file.content()).isEqualTo(PNG);
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.fileName()).isEqualTo("crash.png");
    }

    @Test
    void a_redirect_to_another_host_is_followed_without_the_hub_s_credentials() throws Exception {
        String elsewhere = "http://localhost:" + zendesk.server.port();
        zendesk.server.stubFor(get("/attachments/token/abc/?name=crash.png").willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere + "/files/1/crash.png?sig=xyz")));
        zendesk.server.stubFor(get("/files/1/crash.png?sig=xyz").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(PNG)));

        ZendeskAttachments.DownloadedFile file = zendesk.client().attachments().download(attachment(zendesk.baseUrl()
                + "/attachments/token/abc/?name=crash.png", null, null));

        assertThat(file.content()).isEqualTo(PNG);
        zendesk.server.verify(getRequestedFor(urlEqualTo("/attachments/token/abc/?name=crash.png")).withHeader("Authorization", equalTo(AUTHORIZATION)));
        zendesk.server.verify(getRequestedFor(urlEqualTo("/files/1/crash.png?sig=xyz")).withoutHeader("Authorization"));
    }

    @Test
    void a_file_zendesk_reports_as_too_large_or_flags_as_malware_is_not_fetched_at_all() {
        ZendeskAttachments attachments = zendesk.client(Map.of("zendesk.attachment-max-size", "1KB")).attachments();
        assertThatThrownBy(() -> attachments.download(attachment(zendesk.baseUrl() + "/a", 1025L, null)))
                .hasMessage("download attachment: not fetched: crash.png is 1025 bytes, over zendesk.attachment-max-size (1024 bytes)");
        assertThatThrownBy(() -> attachments.download(attachment(zendesk.baseUrl() + "/a", 10L, "malware_found")))
                .isInstanceOfSatisfying(ZendeskException.class, e -> assertThat(new ZendeskErrorClassifier().classify(e).kind())
                        .isEqualTo(ConnectorFailure.Kind.PERMANENT));
        assertThat(zendesk.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_file_served_larger_than_the_limit_is_refused_whether_its_length_is_declared_or_not() {
        ZendeskAttachments attachments = zendesk.client(Map.of("zendesk.attachment-max-size", "16")).attachments();
        zendesk.server.stubFor(get("/declared").willReturn(aResponse().withHeader("Content-Length", "40").withBody(new byte[40])));
        zendesk.server.stubFor(get("/streamed").willReturn(aResponse().withBody(new byte[40]).withChunkedDribbleDelay(4, 20)));

        assertThatThrownBy(() -> attachments.download(attachment(zendesk.baseUrl() + "/declared", null, null)))
                .hasMessage("download attachment: not fetched: crash.png is served as 40 bytes, over zendesk.attachment-max-size (16 bytes)");
        assertThatThrownBy(() -> attachments.download(attachment(zendesk.baseUrl() + "/streamed", null, null)))
                .hasMessage("download attachment: not fetched: crash.png is over zendesk.attachment-max-size (16 bytes)");
    }

    @Test
    void a_missing_file_is_a_permanent_failure_with_zendesk_s_words() {
        zendesk.server.stubFor(get("/attachments/token/gone/?name=x").willReturn(json(404, "{\"error\": \"RecordNotFound\", \"description\": \"Not found\"}")));
        assertThatThrownBy(() -> zendesk.client().attachments().download(attachment(zendesk.baseUrl() + "/attachments/token/gone/?name=x", null, null)))
                .isInstanceOfSatisfying(ZendeskException.class, e -> assertThat(new ZendeskErrorClassifier().classify(e).describe())
                        .isEqualTo("permanent: Zendesk refused download attachment (HTTP 404: RecordNotFound: Not found): no such record in Zendesk"));
    }

    private static ZendeskAttachment attachment(String contentUrl, Long size, String scan) {
        return new ZendeskAttachment(498483L, "crash.png", contentUrl, "image/png", size, false, false, scan);
    }
}
