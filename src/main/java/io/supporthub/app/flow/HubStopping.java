package io.supporthub.app.flow;

/**
 * A bean whose work may run long (a sweep's wait, an open mailbox connection) and must end early once the hub starts to
 * stop; the hub tells every such bean in its registry before Camel stops its routes.
 */
public interface HubStopping {

    /** The hub is stopping: end waits now and take no new work; must return at once. */
    void hubStopping();

    /** Camel has stopped, the database is still open: release what was claimed and not finished, for the next start. */
    default void hubStopped() {
    }
}
