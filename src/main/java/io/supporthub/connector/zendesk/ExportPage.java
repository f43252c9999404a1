package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of the incremental ticket export: the tickets that changed after the position asked for,
 * and where the next request goes on from.
 *
 * <p>Zendesk leaves the last minute out of every export: a change made less than a minute before the
 * request is not in this page, whatever {@code endOfStream} says, and comes with a later request from
 * {@link #next()}. {@code settledBefore} is that boundary: the page holds every change before it that
 * the earlier pages did not.
 *
 * @param endOfStream true when Zendesk has nothing more right now; ask again from {@link #next()} later
 * @param settledBefore the request's time less Zendesk's one-minute lag
 */
public record ExportPage(List<ZendeskTicket> tickets, ExportPosition next, boolean endOfStream, Instant settledBefore) {

    public ExportPage {
        tickets = List.copyOf(tickets);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(settledBefore, "settledBefore");
    }

    /** The export's answer: {@code tickets}, {@code after_cursor}, {@code end_of_stream}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<ZendeskTicket> tickets, String afterCursor, Boolean endOfStream) {

        /** @param asked where this request started: kept as the next position when Zendesk names no cursor */
        ExportPage page(ExportPosition asked, Instant settledBefore) {
            List<ZendeskTicket> list = tickets == null ? List.of() : tickets.stream().filter(Objects::nonNull).toList();
            boolean noCursor = afterCursor == null || afterCursor.isBlank();
            // without a cursor there is nowhere further to go: asking again now would only repeat this page
            return new ExportPage(list, noCursor ? asked : ExportPosition.after(afterCursor), noCursor || Boolean.TRUE.equals(endOfStream),
                    settledBefore);
        }
    }
}
