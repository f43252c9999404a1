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

    public List<Long> patch(@Header("key") String key, String body) {
        return changes.patch(key, body).notificationIds();
    }

    public List<Long> comment(@Header("key") String key, String body) {
        return changes.comment(key, body).notificationIds();
    }

    public List<Long> rate(@Header("key") String key, String body, @Headers Map<String, Object> headers) {
        TicketChanges.Outcome outcome = changes.rate(key, body);
        headers.put(Exchange.HTTP_RESPONSE_CODE, 201);
        return outcome.notificationIds();
    }

    /** A customer's click on a rating link: records it and sets the key the answer shows. */
    public List<Long> survey(@Header("token") String token, @Header("score") String score, @Headers Map<String, Object> headers) {
        TicketChanges.Outcome outcome = changes.survey(token, score);
        headers.put("hubTicketKey", outcome.ticketKey());
        return outcome.notificationIds();
    }

    public String thanks(@Header("hubTicketKey") String key, @Headers Map<String, Object> headers) {
        headers.put(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        return "Thank you: your rating for " + key + " is recorded.\n";
    }

    public String ticket(@Header("key") String key) {
        return tickets.ticketWithTimeline(key);
    }
}
