package io.supporthub.connector.zendesk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Files to and from Zendesk within zendesk.attachment-max-size: an upload answers a token a comment
 * then carries; a download fetches a comment's file from its {@code content_url}. Zendesk serves files
 * from other hosts too, so the hub's credentials go only to the account's own address, also across redirects.
 */
public final class ZendeskAttachments {

    private static final int MAX_REDIRECTS = 5;

    private final ZendeskHttp http;

    ZendeskAttachments(ZendeskHttp http) {
        this.http = http;
    }

    /** A file fetched from Zendesk, with the type it was served as. */
    public record DownloadedFile(String fileName, String contentType, byte[] content) {
    }

    public long maxSize() {
        return http.settings().attachmentMaxSize();
    }

    /**
     * Uploads one file; the answer's token goes in a comment's uploads.
     *
     * @param sameUpload the token of an earlier upload, to put this file on the same comment
     */
    public ZendeskUpload upload(String fileName, String contentType, byte[] content, Optional<String> sameUpload) throws ZendeskException {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("Zendesk names an uploaded file by its filename, which is required");
        }
        ZendeskEndpoint endpoint = ZendeskEndpoint.UPLOAD_FILE;
        if (content.length > maxSize()) {
            throw ZendeskException.tooLarge(endpoint, "not sent: " + fileName + " is " + content.length
                    + " bytes, over zendesk.attachment-max-size (" + maxSize() + " bytes)");
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        HttpRequest.Builder request = http.request(endpoint.path() + ZendeskHttp.query("filename", fileName, "token", sameUpload.orElse(null)))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(content));
        ZendeskJson.UploadAnswer answer = http.send(endpoint, request, ZendeskJson.UploadAnswer.class);
        if (answer.upload() == null || answer.upload().token() == null || answer.upload().token().isBlank()) {
            throw ZendeskException.unreadable(endpoint, 201, "JSON without an upload token", null);
        }
        return answer.upload();
    }

    /** Fetches a comment's file; one Zendesk reports or serves as larger than the limit, or flags as malware, is not fetched. */
    public DownloadedFile download(ZendeskAttachment attachment) throws ZendeskException {
        ZendeskEndpoint endpoint = ZendeskEndpoint.DOWNLOAD_ATTACHMENT;
        String name = attachment.fileName() == null ? "the file" : attachment.fileName();
        if (attachment.size() != null && attachment.size() > maxSize()) {
            throw ZendeskException.tooLarge(endpoint, "not fetched: " + name + " is " + attachment.size()
                    + " bytes, over zendesk.attachment-max-size (" + maxSize() + " bytes)");
        }
        if (attachment.flaggedAsMalware()) {
            throw ZendeskException.malware(endpoint, "not fetched: Zendesk's malware scan flagged " + name);
        }
        URI at = contentUrl(attachment.contentUrl());
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = http.exchange(endpoint, get(at), HttpResponse.BodyHandlers.ofInputStream(), true);
            if (response.statusCode() >= 300) {
                close(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw ZendeskException.refused(endpoint, response.statusCode(), new ZendeskError("redirect without a Location", "", ""), null);
                }
                at = at.resolve(location.get());
                continue;
            }
            return new DownloadedFile(name, response.headers().firstValue("Content-Type").orElse(attachment.contentType()), read(endpoint, name, response));
        }
        throw ZendeskException.refused(endpoint, 310, new ZendeskError("more than " + MAX_REDIRECTS + " redirects", "", ""), null);
    }

    /** A GET signed in only where the address is the account's own: Zendesk warns not to send credentials elsewhere. */
    private HttpRequest get(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(http.settings().timeout()).header("User-Agent", "support-hub").GET();
        if (http.settings().isAccountAddress(uri)) {
            request.header("Authorization", http.settings().authorization());
        }
        return request.build();
    }

    private byte[] read(ZendeskEndpoint endpoint, String name, HttpResponse<InputStream> response) throws ZendeskException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = response.body()) {
            if (declared > maxSize()) {
                throw ZendeskException.tooLarge(endpoint, "not fetched: " + name + " is served as " + declared
                        + " bytes, over zendesk.attachment-max-size (" + maxSize() + " bytes)");
            }
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize() + 1));
            if (content.length > maxSize()) {
                throw ZendeskException.tooLarge(endpoint, "not fetched: " + name + " is over zendesk.attachment-max-size (" + maxSize() + " bytes)");
            }
            return content;
        } catch (IOException e) {
            throw ZendeskException.noAnswer(endpoint, e);
        }
    }

    private static URI contentUrl(String text) {
        URI uri = text == null ? null : URI.create(text);
        if (uri == null || uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("an attachment is fetched from its absolute http(s) content_url, got '" + text + "'");
        }
        return uri;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // a redirect's body is not read; failing to close it loses nothing
        }
    }
}
