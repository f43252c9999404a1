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
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }
}
