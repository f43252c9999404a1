package io.supporthub.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded files: {@code POST /api/v2/uploads} keeps a file under a token (valid 60 minutes, for one comment, several
 * files per token), a comment naming the token takes its files as attachments, and each attachment is served at its
 * {@code content_url}.
 */
final class ZendeskUploads {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);

    /** One stored file. */
    record Attachment(long id, String fileName, String contentType, byte[] content, String downloadKey) {
    }

    private record Upload(Instant createdAt, List<Attachment> attachments) {
    }

    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Map<String, Attachment> byDownloadKey = new LinkedHashMap<>();
    private long nextId = 900_001;

    /** Stores a file, under {@code token} when it names an upload still open, else under a new token; the token used. */
    String add(String token, String fileName, String contentType, byte[] content, Instant now) {
        String key = token != null && open(token, now) ? token : UUID.randomUUID().toString().replace("-", "");
        Upload upload = uploads.computeIfAbsent(key, k -> new Upload(now, new ArrayList<>()));
        Attachment attachment = new Attachment(nextId++, fileName, contentType, content, UUID.randomUUID().toString().replace("-", ""));
        upload.attachments().add(attachment);
        byDownloadKey.put(attachment.downloadKey(), attachment);
        return key;
    }

    boolean open(String token, Instant now) {
        Upload upload = uploads.get(token);
        return upload != null && now.isBefore(upload.createdAt().plus(TOKEN_LIFETIME));
    }

    List<Attachment> files(String token) {
        return List.copyOf(uploads.get(token).attachments());
    }

    /** The files of a token, which cannot be used again: the comment that names it owns them now. */
    List<Attachment> consume(String token) {
        return List.copyOf(uploads.remove(token).attachments());
    }

    Optional<Attachment> download(String downloadKey) {
        return Optional.ofNullable(byDownloadKey.get(downloadKey));
    }

    void clear() {
        uploads.clear();
        byDownloadKey.clear();
    }

    static Map<String, Object> render(Attachment attachment, String baseUrl) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", attachment.id());
        map.put("url", baseUrl + "/api/v2/attachments/" + attachment.id() + ".json");
        map.put("file_name", attachment.fileName());
        map.put("content_url", baseUrl + "/attachments/token/" + attachment.downloadKey() + "/?name="
                + URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8));
        map.put("mapped_content_url", baseUrl + "/attachments/token/" + attachment.downloadKey() + "/?name="
                + URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8));
        map.put("content_type", attachment.contentType());
        map.put("size", attachment.content().length);
        map.put("inline", false);
        map.put("deleted", false);
        map.put("malware_access_override", false);
        map.put("malware_scan_result", "malware_not_found");
        map.put("thumbnails", List.of());
        return map;
    }
}
