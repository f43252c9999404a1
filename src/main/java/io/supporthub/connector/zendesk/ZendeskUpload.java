package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file uploaded to Zendesk and not yet on a comment: its token goes in a comment's {@code uploads}
 * (valid for 60 minutes), and uploading another file with the same token adds it to the same comment.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskUpload(String token, ZendeskAttachment attachment) {
}
