package io.supporthub.sandbox;

import io.supporthub.sandbox.ZendeskRecords.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cursor-based incremental ticket export: tickets in the order of their latest change, each once at its current
 * state, from {@code start_time} or from a cursor handed out before. The last page says {@code end_of_stream} and still
 * hands out an {@code after_cursor}, from which a later request reads what changed since. With a lag set, changes
 * younger than it are left out, as Zendesk leaves out the last minute; the cursor then stops before them.
 */
final class ZendeskExport {

    static final int MAX_PER_PAGE = 1000;
    private static final String CURSOR_PREFIX = "change:";

    private ZendeskExport() {
    }

    static ZendeskAnswer page(List<Ticket> tickets, Map<String, String> query, Instant now, Duration lag, String baseUrl) {
        String cursor = query.get("cursor");
        String startTime = query.get("start_time");
        long after;
        if (cursor != null && !cursor.isBlank()) {
            after = position(cursor);
            if (after < 0) {
                return ZendeskAnswer.badRequest("InvalidCursor", "cursor '" + cursor + "' is not one this export handed out");
            }
        } else if (startTime != null && startTime.matches("\\d{1,12}")) {
            long start = Long.parseLong(startTime);
            if (start > now.getEpochSecond() - lag.toSeconds()) {
                return ZendeskAnswer.badRequest("InvalidValue", lag.isZero() ? "start_time must not be in the future"
                        : "Too recent start_time. Use a start_time older than " + lag.toSeconds() + " seconds");
            }
            after = tickets.stream().filter(t -> t.updatedAt.getEpochSecond() < start).mapToLong(t -> t.changeSequence).max().orElse(0);
        } else {
            return ZendeskAnswer.badRequest("InvalidValue", "start_time (whole seconds since the epoch) or cursor is required");
        }
        int perPage;
        try {
            perPage = Math.min(MAX_PER_PAGE, Math.max(1, Integer.parseInt(query.getOrDefault("per_page", "1000"))));
        } catch (NumberFormatException e) {
            return ZendeskAnswer.badRequest("InvalidValue", "per_page must be a whole number");
        }
        Instant visibleUntil = now.minus(lag);
        List<Ticket> changed = new ArrayList<>();
        for (Ticket ticket : tickets.stream().filter(t -> t.changeSequence > after).sorted(Comparator.comparingLong(t -> t.changeSequence)).toList()) {
            if (ticket.updatedAt.isAfter(visibleUntil)) {
                // the lag hides this change and all after it, so the cursor must not pass it
                break;
            }
            changed.add(ticket);
        }
        List<Ticket> page = changed.subList(0, Math.min(perPage, changed.size()));
        long position = page.isEmpty() ? after : page.get(page.size() - 1).changeSequence;
        String afterCursor = cursor(position);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tickets", page.stream().map(t -> ZendeskRecords.ticket(t, baseUrl)).toList());
        body.put("after_cursor", afterCursor);
        body.put("after_url", baseUrl + "/api/v2/incremental/tickets/cursor.json?cursor=" + afterCursor);
        body.put("before_cursor", null);
        body.put("before_url", null);
        body.put("end_of_stream", changed.size() <= perPage);
        return ZendeskAnswer.json(200, body);
    }

    private static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The change position a cursor names, or -1 when it is not one of ours. */
    private static long position(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith(CURSOR_PREFIX) ? Long.parseLong(text.substring(CURSOR_PREFIX.length())) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
