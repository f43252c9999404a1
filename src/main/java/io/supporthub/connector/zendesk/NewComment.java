package io.supporthub.connector.zendesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comment the hub adds to a Zendesk ticket: a public reply the requester is mailed, or an internal
 * note only agents see, with files uploaded beforehand ({@link ZendeskUpload#token()}).
 *
 * @param authorId the Zendesk user the comment is from; null makes it the hub's own API user's
 */
public record NewComment(String body, boolean publicComment, Long authorId, List<String> uploads) {

    public NewComment {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("a Zendesk comment needs a body: Zendesk refuses an empty one");
        }
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
        if (uploads.stream().anyMatch(token -> token == null || token.isBlank())) {
            throw new IllegalArgumentException("an upload token is the non-empty token Zendesk answered the upload with");
        }
    }

    public static NewComment publicReply(String body) {
        return new NewComment(body, true, null, List.of());
    }

    public static NewComment internalNote(String body) {
        return new NewComment(body, false, null, List.of());
    }

    public NewComment withUploads(List<String> tokens) {
        return new NewComment(body, publicComment, authorId, tokens);
    }

    public NewComment by(long zendeskUserId) {
        return new NewComment(body, publicComment, zendeskUserId, uploads);
    }

    /** The {@code comment} object of a create or update request; {@code public} is always sent, never left to Zendesk's default. */
    Map<String, Object> json() {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("body", body);
        comment.put("public", publicComment);
        if (authorId != null) {
            comment.put("author_id", authorId);
        }
        if (!uploads.isEmpty()) {
            comment.put("uploads", uploads);
        }
        return comment;
    }
}
