package io.supporthub.connector.zendesk;

import java.time.Duration;
import java.time.Instant;

/**
 * Zendesk's cursor-based incremental ticket export: a start time for the first request, then the cursor
 * of each page, until {@code end_of_stream} says there is nothing more for now.
 *
 * <p>It keeps under Zendesk's limit on its own (10 requests a minute, 30 with the High Volume add-on:
 * zendesk.export-requests-per-minute) and honours a 429's Retry-After: a request that would break either
 * is not sent but thrown as {@link ZendeskException.Problem#HELD_BACK} with the wait. It never blocks.
 * Zendesk leaves the last minute out of every export and refuses a start time less than a minute
 * old, so a start time is moved back to a minute ago (reading a change twice is harmless, missing one is not).
 */
public final class ZendeskTicketExport {

    /** Zendesk excludes the most recent minute from every export. */
    public static final Duration LAG = Duration.ofMinutes(1);

    private final ZendeskHttp http;
    private final RequestBudget budget;

    ZendeskTicketExport(ZendeskHttp http) {
        this.http = http;
        this.budget = new RequestBudget(http.settings().exportRequestsPerMinute());
    }

    /** The page after {@code position}: the tickets changed since, and the position to go on from. */
    public ExportPage next(ExportPosition position) throws ZendeskException {
        ZendeskEndpoint endpoint = ZendeskEndpoint.TICKET_EXPORT;
        Instant now = http.clock().instant();
        Duration asked = http.limits().waitBefore(endpoint, now);
        if (!asked.isZero()) {
            throw ZendeskException.heldBack(endpoint, asked, "Zendesk asked the hub to wait (Retry-After) " + asked.toSeconds() + " s more");
        }
        Duration wait = budget.take(now);
        if (!wait.isZero()) {
            throw ZendeskException.heldBack(endpoint, wait, "the hub sends at most " + budget.perMinute()
                    + " export requests a minute (zendesk.export-requests-per-minute); the next may go in " + Math.max(1, wait.toSeconds()) + " s");
        }
        String query = position.isCursor()
                ? ZendeskHttp.query("cursor", position.cursor())
                : ZendeskHttp.query("start_time", Long.toString(startTime(position.startTime(), now).getEpochSecond()));
        ExportPage.Answer answer = http.get(endpoint, endpoint.path() + query, ExportPage.Answer.class);
        return answer.page(position, now.minus(LAG));
    }

    /** How long until the next request may go without breaking the pace or a Retry-After; zero when now. */
    public Duration waitBeforeNext() {
        Instant now = http.clock().instant();
        Duration asked = http.limits().waitBefore(ZendeskEndpoint.TICKET_EXPORT, now);
        Duration paced = budget.peek(now);
        return asked.compareTo(paced) >= 0 ? asked : paced;
    }

    /** A start time Zendesk accepts: at least a minute (and a second, for the clocks' difference) in the past. */
    static Instant startTime(Instant wanted, Instant now) {
        Instant latest = now.minus(LAG).minusSeconds(1);
        return wanted.isAfter(latest) ? latest : wanted;
    }
}
