package io.supporthub.triage;

import io.supporthub.ticket.Priority;

/** ITIL-style impact × urgency matrix; both range over high, medium and low. */
public final class PriorityMatrix {

    private PriorityMatrix() {
    }

    public static Priority priority(Level impact, Level urgency) {
        int score = impact.ordinal() + urgency.ordinal();   // 0 = high/high … 4 = low/low
        return switch (score) {
            case 0 -> Priority.P1;
            case 1 -> Priority.P2;
            case 2 -> Priority.P3;
            default -> Priority.P4;
        };
    }

    /** A three-step level; ordinal order is from most to least severe. */
    public enum Level {
        HIGH, MEDIUM, LOW;

        private static final Level[] LEVELS = values();

        /** The level named by a rule's result, in any case; called for every matching rule of every ticket, so it allocates nothing. */
        static Level parse(String text) {
            for (Level level : LEVELS) {
                if (level.name().equalsIgnoreCase(text)) {
                    return level;
                }
            }
            throw new IllegalArgumentException("not a level (high, medium or low): " + text);
        }

        Level atLeast(Level other) {
            return ordinal() <= other.ordinal() ? this : other;
        }
    }
}
