package io.supporthub.app.flow;

import io.supporthub.admin.ApiException;
import io.supporthub.admin.ApiRole;
import io.supporthub.admin.ApiTokens;
import io.supporthub.admin.TicketApi;
import io.supporthub.ticket.TicketDraft;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/** The REST routes' steps: authorisation, request parsing, rendering, and error answers. */
public class ApiStep {

    private final ApiTokens tokens;
    private final TicketApi tickets;

    public ApiStep(ApiTokens tokens, TicketApi tickets) {
        this.tokens = tokens;
        this.tickets = tickets;
    }

    public void requireViewer(@Header(HeaderNames.AUTHORIZATION) String authorization) {
        tokens.authorize(authorization, ApiRole.VIEWER);
    }

    public void requireAgent(@Header(HeaderNames.AUTHORIZATION) String authorization) {
        tokens.authorize(authorization, ApiRole.AGENT);
    }

    public void requireAdmin(@Header(HeaderNames.AUTHORIZATION) String authorization) {
        tokens.authorize(authorization, ApiRole.ADMIN);
    }

    public TicketDraft newTicket(String body) {
        return TicketDraft.of(tickets.parseCreate(body));
    }

    public String ticket(@Header(HeaderNames.KEY) String key) {
        return tickets.ticketWithTimeline(key);
    }

    public String list(@Headers Map<String, Object> query) {
        return tickets.list(query);
    }

    public String created(@Header(HeaderNames.TICKET_KEY) String key) {
        return tickets.created(key);
    }

    /** Turns the caught exception into a JSON error with its status; internals are logged, not shown. */
    public String error(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error, @Headers Map<String, Object> headers) {
        int status = error instanceof ApiException api ? api.status() : 500;
        String message = error instanceof ApiException ? error.getMessage() : "internal error; see the hub's log";
        headers.clear();
        headers.put(Exchange.HTTP_RESPONSE_CODE, status);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        return tickets.error(status, message);
    }
}
