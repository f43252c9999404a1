package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.connector.spi.Secret;
import io.supporthub.testing.TestDatabase;
import io.supporthub.triage.model.ModelFile;
import io.supporthub.triage.model.TextClassifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainFromDatabaseTest {

    @Test
    void triage_train_from_db_learns_the_categories_of_solved_and_closed_tickets_only(@TempDir Path dir) throws Exception {
        String url = TestDatabase.create();
        HubSettings settings = HubCommand.loadHubSettings(name -> null).withDatabase(url, "postgres", Secret.of(""));
        try (HikariDataSource dataSource = Database.open(settings); Connection c = dataSource.getConnection()) {
            String[][] tickets = {
                    {"Invoice missing", "Where is my invoice for May?", "billing", "solved"},
                    {"Charged twice", "My card was charged two times this month", "billing", "closed"},
                    {"Payment method", "I want to pay by bank transfer", "billing", "solved"},
                    {"Box not here", "My parcel has not arrived yet", "shipping", "solved"},
                    {"Tracking", "The tracking number shows no movement", "shipping", "closed"},
                    {"Courier lost it", "The courier says delivered but nothing arrived", "shipping", "solved"},
                    {"Still open", "This one is not resolved", "outage", "open"}};
            for (String[] t : tickets) {
                try (PreparedStatement st = c.prepareStatement("insert into ticket (key, subject, description, status, priority, category, tier, "
                        + "queue, channel, customer_tier, customer_lookup) values ('SH-' || nextval('ticket_number_seq'), ?, ?, ?, 'P3', ?, 'T1', "
                        + "'general', 'api', 'unknown', 'not_found')")) {
                    st.setString(1, t[0]);
                    st.setString(2, t[1]);
                    st.setString(3, t[3]);
                    st.setString(4, t[2]);
                    st.executeUpdate();
                }
            }
        }
        Path model = dir.resolve("org.model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TrainFromDatabase.run(List.of("--from-db", "--out", model.toString()), name -> name.equals("HUB_DB_URL") ? url : null,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("read 6 solved or closed tickets");
        TextClassifier classifier = ModelFile.load(model);
        assertThat(classifier.labels()).containsExactlyInAnyOrder("billing", "shipping");
    }
}
