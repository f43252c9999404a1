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
}
