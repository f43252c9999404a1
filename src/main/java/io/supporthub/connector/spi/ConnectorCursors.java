package io.supporthub.connector.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Durable per-connector, per-stream positions (table connector_cursor). Every call runs on the
 * caller's connection, inside the caller's transaction: a poller writes the batch it read and
 * advances the cursor in one transaction, so the cursor moves exactly when the batch commits and a
 * crash in between reads the batch again (the batch's own unique keys stop duplicates).
 */
public final class ConnectorCursors {

    /**
     * The stream's position, or empty before its first batch. Locks the row until the transaction ends,
     * so a second poller of the same stream (another hub instance) waits instead of reading the same batch.
     */
    public Optional<ConnectorCursor> lock(Connection transaction, String connector, String stream) throws SQLException {
        return select(transaction, connector, stream, " for update");
    }

    /** The stream's position without locking it, for status pages and tests. */
    public Optional<ConnectorCursor> read(Connection connection, String connector, String stream) throws SQLException {
        return select(connection, connector, stream, "");
    }

    /** Moves the stream to {@code position}; it takes effect only when the caller's transaction commits. */
    public void advance(Connection transaction, String connector, String stream, String position) throws SQLException {
        if (transaction.getAutoCommit()) {
            // outside a transaction the cursor would move before (or without) the batch it belongs to
            throw new IllegalStateException("a cursor advances inside the transaction that writes its batch");
        }
        if (position == null) {
            throw new IllegalArgumentException("a cursor's position is required");
        }
        try (PreparedStatement statement = transaction.prepareStatement("""
                insert into connector_cursor (connector, stream, position, updated_at) values (?, ?, ?, now())
                on conflict (connector, stream) do update set position = excluded.position, updated_at = excluded.updated_at""")) {
            statement.setString(1, connector);
            statement.setString(2, stream);
            statement.setString(3, position);
            statement.executeUpdate();
        }
    }

    private static Optional<ConnectorCursor> select(Connection connection, String connector, String stream, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select position, updated_at from connector_cursor where connector = ? and stream = ?" + lock)) {
            statement.setString(1, connector);
            statement.setString(2, stream);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new ConnectorCursor(connector, stream, row.getString(1), row.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        }
    }
}
