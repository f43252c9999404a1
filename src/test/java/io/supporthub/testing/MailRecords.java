package io.supporthub.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What intake recorded of a mail, read from the hub's database as the mail ITs look at it. */
public final class MailRecords {

    private static final String DECISION = "select m.decision, m.decided_by, m.reason, t.key from mail_message m "
            + "left join ticket t on t.id = m.ticket_id where m.message_id = ?";

    private MailRecords() {
    }

    /** The mail's decision record (decision, decided_by, reason, the ticket's key), once intake has written it. */
    public static Map<String, Object> awaitDecision(DataSource db, String messageId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !Rows.one(db, DECISION, messageId).isEmpty());
        return Rows.one(db, DECISION, messageId);
    }

    /** The key of the ticket the mail opened; fails if it opened none. */
    public static String awaitTicketKey(DataSource db, String messageId) {
        Map<String, Object> decision = awaitDecision(db, messageId);
        assertThat(decision).containsEntry("decision", "created_ticket");
        return (String) decision.get("key");
    }

    /** The ticket's timeline event types, oldest first. */
    public static List<String> events(DataSource db, String key) {
        return Rows.all(db, "select e.type from ticket_event e join ticket t on t.id = e.ticket_id where t.key = ? order by e.id", key)
                .stream().map(r -> (String) r.get("type")).toList();
    }
}
