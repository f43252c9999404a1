package io.supporthub.sla.clock;

import java.util.Locale;

/** Whether a clock counts business time now, is held while the ticket waits, or has ended. */
public enum ClockState {
    RUNNING, PAUSED, STOPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClockState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
