package io.supporthub.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** The hub's connection pool, with the schema brought up to date by Flyway before anything uses it. */
public final class Database {

    private Database() {
    }

    public static HikariDataSource open(HubSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hub");
        config.setJdbcUrl(settings.dbUrl());
        config.setUsername(settings.dbUsername());
        config.setPassword(settings.dbPassword().reveal());
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setConnectionTimeout(10_000);
        // batched inserts become multi-row statements: the cheap way to more rows per commit
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource, "classpath:db/migration");
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /**
     * Applies what the database lacks. Out of order on purpose: lines of work developed side by side each took a
     * version number, and V8/V9 reached main after V10, V13 and V14, so a database set up between those merges
     * lacks lower versions than it has. Each migration touches only its own objects (decision 0010).
     */
    static void migrate(javax.sql.DataSource dataSource, String... locations) {
        Flyway.configure().dataSource(dataSource).locations(locations).outOfOrder(true).load().migrate();
    }
}
