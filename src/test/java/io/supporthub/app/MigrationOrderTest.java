package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database set up while V8 and V9 were not yet on main still upgrades: the hub applies them after V10–V14. */
class MigrationOrderTest {

    @TempDir
    Path before;

    @Test
    void a_database_without_the_migrations_merged_late_gets_them_on_the_next_start() throws Exception {
        Path migrations = Paths.get(getClass().getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                // what such a database had: everything up to V14 but V8 and V9
                if (version <= 14 && version != 8 && version != 9) {
                    Files.copy(file, before.resolve(name));
                }
            }
        }
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(TestDatabase.create());
            dataSource.setMaximumPoolSize(2);
            Database.migrate(dataSource, "filesystem:" + before);
            assertThat(versions(dataSource)).doesNotContain("8", "9").contains("10", "13", "14");

            Database.migrate(dataSource, "classpath:db/migration");

            assertThat(versions(dataSource)).contains("8", "9", "10", "13", "14", "15");
            assertThat(Rows.count(dataSource, "select count(*) from information_schema.tables where table_name in ('sla_step', 'mailbox_poll')"))
                    .isEqualTo(2);
        }
    }

    private static List<String> versions(HikariDataSource dataSource) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select version from flyway_schema_history where success and version is not null")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }
}
