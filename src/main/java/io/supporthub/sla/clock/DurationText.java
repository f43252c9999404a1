package io.supporthub.sla.clock;

import java.time.Duration;

/**
 * Durations as people read them on a timeline or in an alert: {@code 1h 5m}, {@code 45s},
 * {@code 72h}. Hours never roll into days: a target of 24 business hours is not "one day".
 */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        Duration d = duration.isNegative() ? duration.negated() : duration;
        long seconds = d.getSeconds() + (d.getNano() >= 500_000_000 ? 1 : 0);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        StringBuilder text = new StringBuilder();
        append(text, hours, "h");
        append(text, minutes, "m");
        // seconds matter on short targets; on targets of hours they are noise
        if (hours == 0) {
            append(text, secs, "s");
        }
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long value, String unit) {
        if (value > 0) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(value).append(unit);
        }
    }
}
