package io.supporthub.mailbox;

import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of each mailbox's polls in the database ({@code mailbox_poll}): one instance polls a
 * mailbox at a time, but every instance reports its liveness and may send the outage's one alert.
 */
public class MailboxPolls {

    /** Queues a mailbox's outage alert in the transaction that claims it. */
    public interface AlertQueue {
        /** The queued alert's id; nothing when an alert with the same key was queued before. */
        Optional<Long> queue(Connection connection, String mailboxName, Instant at, String text) throws SQLException;
    }

    private final Transactions transactions;
    private final String instance;
    private final AlertQueue alerts;

    /** @param instance who polls, as shown to admins (host and process) */
    public MailboxPolls(Transactions transactions, String instance, AlertQueue alerts) {
        this.transactions = transactions;
        this.instance = instance;
        this.alerts = alerts;
    }

    /** Makes sure the mailbox has its row; its address may have changed in the configuration. */
    public void register(String mailboxName, String address) {
        update("insert into mailbox_poll (mailbox_name, address) values (?, ?) on conflict (mailbox_name) do update set address = excluded.address",
                mailboxName, address);
    }

    /** The UIDVALIDITY the previous poll saw, or null. */
    public Long lastUidValidity(String mailboxName) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select uidvalidity from mailbox_poll where mailbox_name = ?")) {
                st.setString(1, mailboxName);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
                }
            }
        });
    }

    public void rememberUidValidity(String mailboxName, long uidValidity) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("update mailbox_poll set uidvalidity = ? where mailbox_name = ?")) {
                st.setLong(1, uidValidity);
                st.setString(2, mailboxName);
                return st.executeUpdate();
            }
        });
    }

    /** The log liveness reads and writes for one mailbox. */
    public MailboxLiveness.PollLog log(String mailboxName) {
        return new MailboxLiveness.PollLog() {
            @Override
            public void started(Instant at) {
                update("update mailbox_poll set poll_started_at = ?, polled_by = ? where mailbox_name = ?", ts(at), instance, mailboxName);
            }

            @Override
            public void succeeded(Instant at, boolean finished) {
                update("update mailbox_poll set last_success_at = ?, last_error = null, alerted_at = null, polled_by = ?, "
                        + "poll_started_at = case when ? then null else poll_started_at end where mailbox_name = ?", ts(at), instance, finished, mailboxName);
            }

            @Override
            public void failed(Instant at, String error) {
                update("update mailbox_poll set poll_started_at = null, last_error = ?, last_error_at = ?, polled_by = ? where mailbox_name = ?",
                        error, ts(at), instance, mailboxName);
            }

            @Override
            public MailboxLiveness.PollState state() {
                return transactions.read(c -> {
                    try (PreparedStatement st = c.prepareStatement(
                            "select last_success_at, poll_started_at, last_error from mailbox_poll where mailbox_name = ?")) {
                        st.setString(1, mailboxName);
                        try (ResultSet rs = st.executeQuery()) {
                            return rs.next() ? new MailboxLiveness.PollState(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), rs.getString(3))
                                    : new MailboxLiveness.PollState(null, null, null);
                        }
                    }
                });
            }

            @Override
            public Optional<Long> claimAlert(Instant at, String text) {
                return transactions.inTransaction(c -> {
                    try (PreparedStatement st = c.prepareStatement("update mailbox_poll set alerted_at = ? where mailbox_name = ? and alerted_at is null")) {
                        st.setTimestamp(1, ts(at));
                        st.setString(2, mailboxName);
                        if (st.executeUpdate() != 1) {
                            return Optional.<Long>empty();
                        }
                    }
                    return alerts.queue(c, mailboxName, at, text);
                });
            }
        };
    }

    private int update(String sql, Object... values) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    st.setObject(i + 1, values[i]);
                }
                return st.executeUpdate();
            }
        });
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
