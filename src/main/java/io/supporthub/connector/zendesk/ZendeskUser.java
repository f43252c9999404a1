package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Zendesk user: a requester (end-user) the hub finds or creates by e-mail, or the agent it signs in as.
 *
 * @param id   null for the anonymous visitor Zendesk answers Show Self with when it accepted no credentials
 * @param role end-user, agent or admin
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskUser(Long id, String name, String email, String role, String externalId, Boolean active, Boolean suspended) {

    /** An agent or admin: a user the API lets read and change tickets. */
    public boolean isStaff() {
        return "agent".equals(role) || "admin".equals(role);
    }
}
