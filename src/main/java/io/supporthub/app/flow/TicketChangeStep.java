package io.supporthub.app.flow;

import io.supporthub.admin.TicketApi;
import io.supporthub.admin.TicketChangeApi;
import io.supporthub.sla.lifecycle.TicketChanges;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/**
 * The ticket-change routes' steps: make the change (the body becomes the ids of the notifications
 * it queued, for the senders), then answer with the ticket as it now stands.
 */
public class TicketChangeStep {

    private final TicketChangeApi changes;
    private final TicketApi tickets;

    public TicketChangeStep(TicketChangeApi changes, TicketApi tickets) {
        this.changes = changes;
        this.tickets = tickets;
    }

    public List<Long> patch(@Header(HeaderNames.KEY) String key, String body) {
        return changes.patch(key, body).notificationIds();
    }

    public List<Long> comment(@Header(HeaderNames.KEY) String key, String body) {
        return changes.comment(key, body).notificationIds();
    }

    public List<Long> rate(@Header(HeaderNames.KEY) String key, String body, @Headers Map<String, Object> headers) {
        TicketChanges.Outcome outcome = changes.rate(key, body);
        headers.put(Exchange.HTTP_RESPONSE_CODE, 201);
        return outcome.notificationIds();
    }

    /** The page a rating link opens: it asks to confirm, so a mail scanner following the link records nothing. */
    public String surveyPage(@Header(HeaderNames.TOKEN) String token, @Header(HeaderNames.SCORE) String score, @Headers Map<String, Object> headers) {
        headers.put(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        return changes.surveyPage(token, score);
    }

    /**
     * The confirmed rating (form field {@code score}): records it and sets the key the answer shows.
     * The HTTP server hands form fields over as headers and may leave the body empty.
     */
    public List<Long> survey(@Header(HeaderNames.TOKEN) String token, @Header(HeaderNames.SCORE) Object scoreField, String form,
                             @Headers Map<String, Object> headers) {
        String fields = scoreField != null ? "score=" + java.net.URLEncoder.encode(scoreField.toString(), java.nio.charset.StandardCharsets.UTF_8) : form;
        TicketChanges.Outcome outcome = changes.survey(token, fields);
        headers.put(HeaderNames.TICKET_KEY, outcome.ticketKey());
        return outcome.notificationIds();
    }

    public String thanks(@Header(HeaderNames.TICKET_KEY) String key, @Headers Map<String, Object> headers) {
        headers.put(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        return "<!doctype html><title>Thank you</title><p>Thank you: your rating for " + key + " is recorded.</p>\n";
    }

    public String ticket(@Header(HeaderNames.KEY) String key) {
        return tickets.ticketWithTimeline(key);
    }
}
