package io.supporthub.sla;

/** Rejects SLA configuration or simulation input, naming the field that is wrong so an admin can fix it. */
public class InvalidSlaInputException extends IllegalArgumentException {

    private final String field;

    public InvalidSlaInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public InvalidSlaInputException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** Path of the offending field, e.g. {@code events[2].status} or {@code policies[3].targets.resolution}. */
    public String field() {
        return field;
    }
}
