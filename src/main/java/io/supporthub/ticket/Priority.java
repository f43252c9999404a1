package io.supporthub.ticket;

/** Ticket priority, P1 (critical) to P4 (low). */
public enum Priority {
    P1("critical"), P2("high"), P3("medium"), P4("low");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
