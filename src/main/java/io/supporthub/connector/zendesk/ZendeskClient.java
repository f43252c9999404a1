package io.supporthub.connector.zendesk;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The hub's client of one Zendesk account (Support API v2, API-token authentication): tickets, their
 * comments, users by e-mail, the incremental ticket export ({@link #export()}) and attachments
 * ({@link #attachments()}). Every failure is a {@link ZendeskException} that {@link ZendeskErrorClassifier}
 * reads; every answer's rate-limit headers land in {@link #rateLimits()}. Plain Java, no Camel: the sync
 * dispatcher and pollers call it from their own threads.
 */
public final class ZendeskClient {

    private static final int COMMENTS_PER_PAGE = 100;

    private final ZendeskHttp http;
    private final ZendeskTicketExport export;
    private final ZendeskAttachments attachments;

    public ZendeskClient(ZendeskSettings settings) {
        this(settings, ZendeskHttp.newClient(settings), Clock.systemUTC());
    }

    /** With the clock rate limits and the export's pacing are counted on, and a client of one's own. */
    public ZendeskClient(ZendeskSettings settings, HttpClient httpClient, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalStateException("Zendesk is turned off (zendesk.enabled = false): there is no account to call");
        }
        this.http = new ZendeskHttp(settings, httpClient, clock, new RateLimitState());
        this.export = new ZendeskTicketExport(http);
        this.attachments = new ZendeskAttachments(http);
    }

    /** Opens a ticket; Zendesk answers 201 with it, its id being the correlation the hub keeps. */
    public ZendeskTicket createTicket(NewTicket ticket) throws ZendeskException {
        ZendeskEndpoint endpoint = ZendeskEndpoint.CREATE_TICKET;
        return ticketOf(endpoint, http.sendJson(endpoint, endpoint.path(), ticket.json(), ZendeskJson.TicketAnswer.class));
    }

    public ZendeskTicket showTicket(long ticketId) throws ZendeskException {
        ZendeskEndpoint endpoint = ZendeskEndpoint.SHOW_TICKET;
        return ticketOf(endpoint, http.get(endpoint, endpoint.path(ticketId), ZendeskJson.TicketAnswer.class));
    }

    /** Changes status and priority and adds a comment in one update (Zendesk limits updates per ticket). */
    public ZendeskTicket updateTicket(long ticketId, TicketChange change) throws ZendeskException {
        ZendeskEndpoint endpoint = ZendeskEndpoint.UPDATE_TICKET;
        return ticketOf(endpoint, http.sendJson(endpoint, endpoint.path(ticketId), change.json(), ZendeskJson.TicketAnswer.class));
    }

    /**
     * One page of a ticket's comments, oldest first (cursor pagination, 100 a page).
     *
     * @param afterCursor the previous page's {@link CommentPage#next()}; empty for the first page
     */
    public CommentPage listComments(long ticketId, Optional<String> afterCursor) throws ZendeskException {
        ZendeskEndpoint endpoint = ZendeskEndpoint.LIST_COMMENTS;
        String query = ZendeskHttp.query("page[size]", Integer.toString(COMMENTS_PER_PAGE), "page[after]", afterCursor.orElse(null));
        return http.get(endpoint, endpoint.path(ticketId) + query, CommentPage.Answer.class).page();
    }

    /**
     * The Zendesk user with exactly this e-mail, if there is one. Zendesk's user search matches loosely,
     * so only an exact (case-insensitive) e-mail counts.
     */
    public Optional<ZendeskUser> findUserByEmail(String email) throws ZendeskException {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        ZendeskEndpoint endpoint = ZendeskEndpoint.SEARCH_USERS;
        ZendeskJson.UsersAnswer answer = http.get(endpoint, endpoint.path() + ZendeskHttp.query("query", "email:" + wanted),
                ZendeskJson.UsersAnswer.class);
        return answer.users().stream().filter(u -> u.email() != null && u.email().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /**
     * The end-user with this e-mail, created when Zendesk does not know it (without a verification mail)
     * and named {@code name} when it does; Zendesk answers 201 for a new user and 200 for a known one.
     */
    public ZendeskUser createOrUpdateUser(String email, String name) throws ZendeskException {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("a Zendesk user is found or created by an e-mail address, got '" + email + "'");
        }
        String shown = name == null || name.isBlank() ? email : name.strip();
        ZendeskEndpoint endpoint = ZendeskEndpoint.CREATE_OR_UPDATE_USER;
        ZendeskJson.UserAnswer answer = http.sendJson(endpoint, endpoint.path(), java.util.Map.of("user",
                java.util.Map.of("email", email.strip(), "name", shown, "skip_verify_email", true)), ZendeskJson.UserAnswer.class);
        return userOf(endpoint, answer);
    }

    /** The user the API token signs in as; Zendesk answers an anonymous visitor (no id) when it accepted no credentials. */
    public ZendeskUser showSelf() throws ZendeskException {
        ZendeskEndpoint endpoint = ZendeskEndpoint.SHOW_SELF;
        return userOf(endpoint, http.get(endpoint, endpoint.path(), ZendeskJson.UserAnswer.class));
    }

    /** The incremental ticket export, paced to Zendesk's limit. */
    public ZendeskTicketExport export() {
        return export;
    }

    /** Uploads and downloads within zendesk.attachment-max-size. */
    public ZendeskAttachments attachments() {
        return attachments;
    }

    /** What Zendesk's answers said about the rate limits; a dispatcher asks {@link RateLimitState#waitBefore} before calling. */
    public RateLimitState rateLimits() {
        return http.limits();
    }

    public ZendeskSettings settings() {
        return http.settings();
    }

    private static ZendeskTicket ticketOf(ZendeskEndpoint endpoint, ZendeskJson.TicketAnswer answer) throws ZendeskException {
        if (answer.ticket() == null || answer.ticket().id() == null) {
            throw ZendeskException.unreadable(endpoint, 200, "JSON without a ticket", null);
        }
        return answer.ticket();
    }

    private static ZendeskUser userOf(ZendeskEndpoint endpoint, ZendeskJson.UserAnswer answer) throws ZendeskException {
        if (answer.user() == null) {
            throw ZendeskException.unreadable(endpoint, 200, "JSON without a user", null);
        }
        return answer.user();
    }
}
