package io.supporthub.app;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.connector.spi.ConfigException;
import io.supporthub.triage.model.LabelledExample;
import io.supporthub.triage.model.TriageTrainCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code triage-train --from-db --out MODEL}: trains the category model on the hub's own solved
 * and closed tickets, so the model learns the organisation's categories as its agents left them.
 */
final class TrainFromDatabase {

    static final String USAGE = "usage: triage-train --from-db --out MODEL   (reads HUB_DB_URL and the other hub.db.* settings)";

    private TrainFromDatabase() {
    }

    static int run(List<String> args, UnaryOperator<String> environment, PrintStream out, PrintStream err) throws Exception {
        int outAt = args.indexOf("--out");
        if (outAt < 0 || outAt + 1 >= args.size() || args.size() != 3) {
            err.println("triage-train: --from-db takes --out MODEL and nothing else");
            err.println(USAGE);
            return 2;
        }
        HubSettings settings = HubCommand.loadHubSettings(environment);
        if (settings.dbUrl().isBlank()) {
            throw new ConfigException("application.properties", "hub.db.url", "is missing: --from-db needs the hub's database (set HUB_DB_URL)");
        }
        List<LabelledExample> examples;
        try (HikariDataSource dataSource = Database.open(settings)) {
            examples = resolvedTickets(dataSource.getConnection());
        }
        out.printf("read %d solved or closed tickets from the hub's database%n", examples.size());
        if (examples.isEmpty()) {
            err.println("triage-train: there are no solved or closed tickets to learn from yet");
            return 2;
        }
        return TriageTrainCommand.train(examples, Path.of(args.get(outAt + 1)), out, err);
    }

    static List<LabelledExample> resolvedTickets(Connection connection) throws SQLException {
        try (connection; PreparedStatement st = connection.prepareStatement(
                "select subject, description, category from ticket where status in ('solved', 'closed') order by id")) {
            List<LabelledExample> examples = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    examples.add(new LabelledExample(rs.getString(1) + "\n" + rs.getString(2), rs.getString(3)));
                }
            }
            return examples;
        }
    }
}
