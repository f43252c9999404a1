package io.supporthub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The limits the Zendesk simulator enforces, by default Zendesk's documented ones for the Team plan: 200 requests a
 * minute per account, Update Ticket 100 a minute per account and 30 updates per ticket and user in 10 minutes, and the
 * incremental exports 10 a minute. The export's one-minute lag (changes of the last minute left out) is off unless
 * asked for, so a test sees a change at once.
 */
record ZendeskLimits(int accountPerMinute, int ticketUpdatesPerMinute, int updatesPerTicketPerTenMinutes, int exportsPerMinute,
                     Duration exportLag) {

    static final ZendeskLimits TEAM_PLAN = new ZendeskLimits(200, 100, 30, 10, Duration.ZERO);

    ZendeskLimits {
        if (accountPerMinute < 1 || ticketUpdatesPerMinute < 1 || updatesPerTicketPerTenMinutes < 1 || exportsPerMinute < 1) {
            throw new IllegalArgumentException("every limit must be at least 1 request");
        }
        if (exportLag.isNegative()) {
            throw new IllegalArgumentException("export_lag_seconds must not be negative");
        }
    }

    /** These limits with the ones {@code changes} names replaced (snake_case keys, as {@link #asMap()} writes them). */
    ZendeskLimits with(JsonNode changes) {
        return new ZendeskLimits(
                changes.path("account_per_minute").asInt(accountPerMinute),
                changes.path("ticket_updates_per_minute").asInt(ticketUpdatesPerMinute),
                changes.path("updates_per_ticket_per_ten_minutes").asInt(updatesPerTicketPerTenMinutes),
                changes.path("exports_per_minute").asInt(exportsPerMinute),
                Duration.ofSeconds(changes.path("export_lag_seconds").asLong(exportLag.toSeconds())));
    }

    java.util.Map<String, Object> asMap() {
        return java.util.Map.of("account_per_minute", accountPerMinute, "ticket_updates_per_minute", ticketUpdatesPerMinute,
                "updates_per_ticket_per_ten_minutes", updatesPerTicketPerTenMinutes, "exports_per_minute", exportsPerMinute,
                "export_lag_seconds", exportLag.toSeconds());
    }
}
