package io.supporthub.connector.zendesk;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Where the incremental ticket export goes on from: a start time for the first request (a stream's
 * beginning, or a backfill's date), then always the cursor of the page before. Stored as text in
 * connector_cursor ({@link #encode()}), advanced only with the batch it read.
 */
public record ExportPosition(Instant startTime, String cursor) {

    private static final String START = "start:";
    private static final String CURSOR = "cursor:";

    public ExportPosition {
        if ((startTime == null) == (cursor == null || cursor.isBlank())) {
            throw new IllegalArgumentException("an export position is either a start time or a cursor");
        }
    }

    public static ExportPosition startingAt(Instant startTime) {
        return new ExportPosition(Objects.requireNonNull(startTime, "startTime"), null);
    }

    public static ExportPosition after(String cursor) {
        return new ExportPosition(null, cursor);
    }

    public boolean isCursor() {
        return cursor != null;
    }

    /** "cursor:MTU3NjYxMzUzOS4wfHw0Njd8" or "start:2026-12-01T00:00:00Z", the form connector_cursor keeps. */
    public String encode() {
        return isCursor() ? CURSOR + cursor : START + startTime;
    }

    /** Reads {@link #encode()}'s form; anything else is an error naming what was found. */
    public static ExportPosition decode(String text) {
        if (text != null && text.startsWith(CURSOR) && text.length() > CURSOR.length()) {
            return after(text.substring(CURSOR.length()));
        }
        if (text != null && text.startsWith(START)) {
            try {
                return startingAt(Instant.parse(text.substring(START.length())));
            } catch (DateTimeParseException e) {
                // falls through to the error below, which shows the text
            }
        }
        throw new IllegalArgumentException("not a Zendesk export position: '" + text + "' (expected cursor:… or start:<ISO instant>)");
    }

    @Override
    public String toString() {
        return encode();
    }
}
