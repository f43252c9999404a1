package io.supporthub.db;

import java.sql.SQLException;

/** A database failure; retriable unless the SQL state says the data itself is wrong. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage() + " (SQL state " + cause.getSQLState() + ")", cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /**
     * True when the database refused the data itself — a data exception (SQL state class 22) or a program limit such
     * as an index entry too long (54) — so the same statement with the same data can never succeed.
     */
    public boolean refusesData() {
        String state = sqlState();
        return state != null && (state.startsWith("22") || state.startsWith("54"));
    }

    /**
     * True when the failure, or a cause of it, says the database cannot be reached or is refusing work (no
     * connection, shutting down, out of resources) rather than that this statement's data was wrong: then
     * retrying other rows now is pointless, and the work waits for the next attempt.
     */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P") || sql.getSQLState().startsWith("53"))) {
                return true;
            }
        }
        return false;
    }
}
