package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One comment of a Zendesk ticket, as List Comments answers it. Comments are append-only in Zendesk
 * (only redaction changes one), so the id is what de-duplicates them.
 *
 * @param publicComment true for a reply the requester sees, false for an internal note; Zendesk's
 *                      {@code public}, which Zendesk omits on no comment, so absent reads as public
 * @param type          Comment or VoiceComment
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskComment(Long id, String type, Long authorId, String body, String htmlBody, String plainBody,
                             @JsonProperty("public") Boolean publicComment, Instant createdAt, Long auditId,
                             List<ZendeskAttachment> attachments, ZendeskTicket.Via via) {

    public ZendeskComment {
        attachments = attachments == null ? List.of() : attachments.stream().filter(Objects::nonNull).toList();
    }

    /** True for a reply the requester sees; false for an internal note. */
    public boolean isPublicReply() {
        return publicComment == null || publicComment;
    }
}
