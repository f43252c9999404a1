package io.supporthub.ticket;

/** What triage decided about a ticket's content. */
public record Classification(String category, Priority priority, String complexity, String sentiment, String language) {
}
