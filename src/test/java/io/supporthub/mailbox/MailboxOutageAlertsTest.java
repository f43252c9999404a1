package io.supporthub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.connector.slack.SlackChannels;
import io.supporthub.connector.spi.Secret;
import io.supporthub.db.Transactions;
import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.testing.MovableClock;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A mailbox's outage alert is one Slack notification in the outbox, about no ticket, however many instances watch it. */
class MailboxOutageAlertsTest {

    static final MailboxSettings BILLING = new MailboxSettings("billing", "imap", "localhost", 143, "billing", Secret.of("x"), "INBOX",
            Duration.ofSeconds(10), 100, "billing@hub.test", null, "billing", null, 2, Duration.ofSeconds(5), SenderPolicy.defaults());

    static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(4);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void two_instances_watching_a_mailbox_that_is_down_queue_one_alert_for_its_outage_and_a_new_one_for_the_next() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
        MailboxWatch one = watch(clock, "hub-1");
        MailboxWatch other = watch(clock, "hub-2");
        other.liveness("billing").startWatching();
        one.liveness("billing").pollStarting();
        one.liveness("billing").pollSucceeded();
        clock.advance(Duration.ofSeconds(31));

        List<Long> first = one.alerts();
        assertThat(other.alerts()).isEmpty();
        assertThat(one.alerts()).isEmpty();

        assertThat(first).hasSize(1);
        Map<String, Object> row = Rows.one(dataSource, "select ticket_id, kind, state, payload->>'alert' as alert, payload->>'audience' as audience, "
                + "payload->>'queue' as queue, payload->>'alert_reason' as reason from notification where id = ?", first.get(0));
        assertThat(row).containsEntry("ticket_id", null).containsEntry("kind", "slack_alert").containsEntry("state", "pending")
                .containsEntry("alert", "mailbox_down").containsEntry("audience", "operations").containsEntry("queue", "billing");
        assertThat((String) row.get("reason")).contains("billing@hub.test").contains("3 intervals of 10 s");

        other.liveness("billing").pollSucceeded();
        clock.advance(Duration.ofSeconds(31));
        assertThat(other.alerts()).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(one.alerts()).isEmpty();
    }

    @Test
    void an_outage_alert_goes_to_the_operations_channel_else_to_its_mailboxs_queue_channel_else_the_default_one() {
        Map<String, Object> alert = new MailboxOutageAlerts(null, new Mailboxes(List.of(BILLING)))
                .request("billing", Instant.parse("2026-11-23T09:00:00Z"), "Mailbox billing@hub.test has not been polled").payload();

        assertThat(SlackChannels.parse("#support", "audience:operations=#hub-ops, queue:billing=#billing").channelFor(alert)).isEqualTo("#hub-ops");
        assertThat(SlackChannels.parse("#support", "queue:billing=#billing, tier:T3=#t3").channelFor(alert)).isEqualTo("#billing");
        assertThat(SlackChannels.only("#support").channelFor(alert)).isEqualTo("#support");
    }

    private static MailboxWatch watch(MovableClock clock, String instance) {
        Transactions transactions = new Transactions(dataSource);
        MailboxPolls polls = new MailboxPolls(transactions, instance,
                new MailboxOutageAlerts(new NotificationStore(transactions), new Mailboxes(List.of(BILLING))));
        polls.register("billing", BILLING.address());
        return new MailboxWatch(Map.of("billing", new MailboxLiveness(BILLING.address(), BILLING.pollInterval(), clock, polls.log("billing"))), true);
    }
}
