package io.supporthub.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cursors against the real PostgreSQL: they move with the caller's transaction, and only then. */
class ConnectorCursorsTest {

    static HikariDataSource dataSource;
    static Transactions transactions;
    final ConnectorCursors cursors = new ConnectorCursors();

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(4);
        transactions = new Transactions(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void a_stream_never_read_has_no_position_and_its_first_batch_sets_one() {
        assertThat(cursor("zendesk", "never-read")).isEmpty();
        transactions.inTransaction(c -> {
            cursors.advance(c, "zendesk", "first-batch", "MTU3NjYxMzUzOS4wfHw0Njd8");
            return null;
        });
        assertThat(cursor("zendesk", "first-batch")).get()
                .satisfies(cursor -> {
                    assertThat(cursor.position()).isEqualTo("MTU3NjYxMzUzOS4wfHw0Njd8");
                    assertThat(cursor.updatedAt()).isNotNull();
                });
    }

    @Test
    void a_cursor_moves_on_from_batch_to_batch_and_streams_keep_their_own() {
        for (String position : new String[] {"{\"sys_updated_on\":\"2025-03-04 10:00:00\",\"sys_id\":\"a1\"}",
                "{\"sys_updated_on\":\"2025-03-04 10:05:00\",\"sys_id\":\"b2\"}"}) {
            transactions.inTransaction(c -> {
                cursors.advance(c, "servicenow", "incident", position);
                return null;
            });
        }
        transactions.inTransaction(c -> {
            cursors.advance(c, "servicenow", "sys_journal_field", "{\"sys_created_on\":\"2025-03-01 00:00:00\"}");
            return null;
        });
        assertThat(position("servicenow", "incident")).contains("{\"sys_updated_on\":\"2025-03-04 10:05:00\",\"sys_id\":\"b2\"}");
        assertThat(position("servicenow", "sys_journal_field")).contains("{\"sys_created_on\":\"2025-03-01 00:00:00\"}");
    }

    @Test
    void a_batch_that_fails_leaves_the_cursor_where_it_was() {
        transactions.inTransaction(c -> {
            cursors.advance(c, "salesforce", "Case", "2025-03-04T10:00:00.000Z|500xx000000aaaa");
            return null;
        });
        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            cursors.advance(c, "salesforce", "Case", "2025-03-04T11:00:00.000Z|500xx000000bbbb");
            throw new IllegalStateException("the batch failed to write its tickets");
        })).hasMessageContaining("batch failed");
        assertThat(position("salesforce", "Case")).contains("2025-03-04T10:00:00.000Z|500xx000000aaaa");
    }

    @Test
    void a_cursor_is_never_advanced_outside_a_transaction() throws Exception {
        try (Connection autoCommit = dataSource.getConnection()) {
            autoCommit.setAutoCommit(true);
            assertThatThrownBy(() -> cursors.advance(autoCommit, "zendesk", "tickets", "x")).isInstanceOf(IllegalStateException.class);
        }
        assertThat(position("zendesk", "tickets")).isEmpty();
    }

    @Test
    void a_second_poller_of_the_same_stream_waits_until_the_first_commits_and_then_sees_its_position() throws Exception {
        transactions.inTransaction(c -> {
            cursors.advance(c, "zendesk", "locked", "one");
            return null;
        });
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            assertThat(cursors.lock(first, "zendesk", "locked")).get().extracting(ConnectorCursor::position).isEqualTo("one");
            CompletableFuture<Optional<ConnectorCursor>> second = CompletableFuture.supplyAsync(
                    () -> transactions.inTransaction(c -> cursors.lock(c, "zendesk", "locked")));
            // the second poller waits for the first, however long that takes
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
            cursors.advance(first, "zendesk", "locked", "two");
            first.commit();
            assertThat(second.get(10, TimeUnit.SECONDS)).get().extracting(ConnectorCursor::position).isEqualTo("two");
        }
    }

    private static Optional<String> position(String connector, String stream) {
        return cursor(connector, stream).map(ConnectorCursor::position);
    }

    private static Optional<ConnectorCursor> cursor(String connector, String stream) {
        Transactions.Work<Optional<ConnectorCursor>> read = c -> new ConnectorCursors().read(c, connector, stream);
        return transactions.read(read);
    }
}
