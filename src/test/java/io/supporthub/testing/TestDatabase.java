package io.supporthub.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for each caller: on the server named by HUB_TEST_JDBC_URL when it is
 * set (CI points it at the machine's PostgreSQL), else on an embedded PostgreSQL started once per run.
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;
    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();
    private static boolean cleanupRegistered;

    private TestDatabase() {
    }

    /** Creates an empty database and returns its JDBC URL (user and password in the URL). */
    public static synchronized String create() {
        String name = "hub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String serverUrl = serverUrl();
        try (Connection c = DriverManager.getConnection(serverUrl); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + redact(serverUrl) + ": " + e.getMessage(), e);
        }
        CREATED.add(name);
        // the embedded server's data directory disappears with it; a shared server needs cleaning
        if (embedded == null && !cleanupRegistered) {
            cleanupRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(serverUrl), "test-database-cleanup"));
        }
        return withDatabase(serverUrl, name);
    }

    /** A shared server must not fill up with the databases of earlier runs. */
    private static synchronized void dropAll(String serverUrl) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement st = c.createStatement()) {
            for (String name : CREATED) {
                st.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            System.err.println("test databases were not dropped: " + e.getMessage());
        }
    }

    private static String serverUrl() {
        String configured = System.getenv("HUB_TEST_JDBC_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start (set HUB_TEST_JDBC_URL to use a server instead)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary anyway
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    /** Replaces the database name in a jdbc:postgresql://host:port/name?params URL. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String params = query < 0 ? "" : url.substring(query);
        if (!params.contains("user=")) {
            params = (params.isEmpty() ? "?" : params + "&") + "user=postgres";
        }
        return url.substring(0, slash + 1) + database + params;
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    /** A pool on a fresh database with the hub's schema, for tests that work below the application. */
    public static com.zaxxer.hikari.HikariDataSource migratedPool(int size) {
        com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(create());
        dataSource.setMaximumPoolSize(size);
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
