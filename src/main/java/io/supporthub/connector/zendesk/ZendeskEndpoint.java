package io.supporthub.connector.zendesk;

/**
 * The Support API v2 operations the hub calls, as Zendesk's OpenAPI description writes their paths
 * (without {@code .json}: Zendesk answers both forms, and the description is what Prism and the
 * sandbox's simulator are checked against). Failures and rate limits are told per operation.
 */
public enum ZendeskEndpoint {

    CREATE_TICKET("POST", "/api/v2/tickets", "create ticket"),
    SHOW_TICKET("GET", "/api/v2/tickets/{ticket_id}", "show ticket"),
    UPDATE_TICKET("PUT", "/api/v2/tickets/{ticket_id}", "update ticket"),
    LIST_COMMENTS("GET", "/api/v2/tickets/{ticket_id}/comments", "list ticket comments"),
    TICKET_EXPORT("GET", "/api/v2/incremental/tickets/cursor", "incremental ticket export"),
    SEARCH_USERS("GET", "/api/v2/users/search", "search users"),
    CREATE_OR_UPDATE_USER("POST", "/api/v2/users/create_or_update", "create or update user"),
    SHOW_SELF("GET", "/api/v2/users/me", "show self"),
    UPLOAD_FILE("POST", "/api/v2/uploads", "upload file"),
    DOWNLOAD_ATTACHMENT("GET", "{content_url}", "download attachment");

    private final String method;
    private final String path;
    private final String title;

    ZendeskEndpoint(String method, String path, String title) {
        this.method = method;
        this.path = path;
        this.title = title;
    }

    public String method() {
        return method;
    }

    /** The path template, e.g. {@code /api/v2/tickets/{ticket_id}}. */
    public String path() {
        return path;
    }

    /** How admins read it in a failure: "update ticket". */
    public String title() {
        return title;
    }

    /** The path with its one placeholder filled, e.g. {@code /api/v2/tickets/35436}. */
    String path(long id) {
        return path.replaceFirst("\\{[a-z_]+}", Long.toString(id));
    }
}
