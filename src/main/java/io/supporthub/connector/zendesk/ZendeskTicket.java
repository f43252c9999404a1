package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Zendesk ticket as Support API v2 answers it (show, create, update, incremental export), with the
 * fields sync reads; the rest of Zendesk's ticket is ignored. Ids and times are null where Zendesk
 * gives none (an unassigned ticket has no assignee).
 *
 * @param externalId the hub's ticket key once the hub created or linked the ticket
 * @param status     new, open, pending, hold, solved, closed, or deleted (in the export)
 * @param priority   low, normal, high, urgent, or null when unset
 * @param via        how the ticket came in (web, email, api, …)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskTicket(Long id, String url, String externalId, String subject, String description, String status,
                            String priority, String type, Long requesterId, Long submitterId, Long assigneeId, Long organizationId,
                            Long groupId, List<String> tags, Instant createdAt, Instant updatedAt, Long generatedTimestamp, Via via) {

    public ZendeskTicket {
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
    }

    /** How something came into Zendesk: its channel ("web", "email", "api", "rule", …) as Zendesk names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Via(String channel) {
    }
}
