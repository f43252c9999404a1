package io.supporthub.sla.lifecycle;

/** A ticket change that cannot be made, and why: no such ticket, a stale version, or a change that makes no sense. */
public class ChangeRejected extends RuntimeException {

    public enum Reason { NOT_FOUND, CONFLICT, INVALID }

    private final Reason reason;
    private final Integer currentVersion;

    private ChangeRejected(Reason reason, String message, Integer currentVersion) {
        super(message);
        this.reason = reason;
        this.currentVersion = currentVersion;
    }

    public static ChangeRejected notFound(String message) {
        return new ChangeRejected(Reason.NOT_FOUND, message, null);
    }

    public static ChangeRejected conflict(String key, int expected, int current) {
        return new ChangeRejected(Reason.CONFLICT, key + " has changed: it is at version " + current + ", not " + expected
                + "; read it again and repeat the change", current);
    }

    public static ChangeRejected invalid(String message) {
        return new ChangeRejected(Reason.INVALID, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public Integer currentVersion() {
        return currentVersion;
    }
}
