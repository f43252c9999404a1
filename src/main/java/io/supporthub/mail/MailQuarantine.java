package io.supporthub.mail;

import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps mail raw and whole so it can be replayed: mail that could not be processed, with the error,
 * and mail a policy held (the creation cap), with the policy's reason, until someone releases it.
 */
public class MailQuarantine {

    private final Transactions transactions;
    private final MailLedger ledger;

    public MailQuarantine(Transactions transactions) {
        this.transactions = transactions;
        this.ledger = new MailLedger(transactions);
    }

    /** Which entries a listing shows. */
    public enum Kind {
        /** Mail that failed; replaying it retries intake. */
        ERROR,
        /** Mail a policy held; replaying it releases the mail past that policy. */
        HELD,
        ALL
    }

    /** Stores a mail that failed and returns the quarantine id. */
    public long store(String mailbox, byte[] raw, String error) {
        return store(new ReceivedMail(null, mailbox, null, null, raw), error);
    }

    /** Stores the mail with the mailbox and UID it came from (so a crash before it is flagged seen does not quarantine it twice). */
    public long store(ReceivedMail mail, String error) {
        return transactions.inTransaction(c -> insert(c, mail.address(), mail.raw(), error == null ? "unknown error" : error, null, null,
                mail.mailboxName(), mail.uidValidity(), mail.uid()));
    }

    /**
     * Holds a mail with its decision record ({@link MailLedger#HELD}, the policy and its reason) in one transaction.
     * Empty when the mail was recorded before, so a redelivered held mail is not held twice.
     */
    public Optional<Long> hold(MailReceipt receipt, byte[] raw, String heldBy, String reason) {
        return transactions.inTransaction(c -> hold(c, receipt, raw, heldBy, reason));
    }

    /** The same in the caller's transaction, for intake that decides the hold while it commits. */
    public Optional<Long> hold(Connection c, MailReceipt receipt, byte[] raw, String heldBy, String reason) throws SQLException {
        return ledger.recordHeld(c, receipt, heldBy, reason)
                ? Optional.of(insert(c, receipt.mailbox(), raw, reason, heldBy, receipt.messageKey(), receipt.mailboxName(),
                        receipt.uidValidity(), receipt.uid()))
                : Optional.empty();
    }

    private static long insert(Connection c, String mailbox, byte[] raw, String error, String heldBy, String messageKey, String mailboxName,
                               Long uidValidity, Long uid) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into mail_quarantine (mailbox, raw, raw_sha256, error, held_by, message_key, "
                + "mailbox_name, uidvalidity, uid) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            st.setString(1, mailbox);
            st.setBytes(2, raw);
            st.setString(3, RawMail.sha256(raw));
            st.setString(4, error);
            st.setString(5, heldBy);
            st.setString(6, messageKey);
            st.setString(7, mailboxName);
            st.setObject(8, uidValidity, java.sql.Types.BIGINT);
            st.setObject(9, uid, java.sql.Types.BIGINT);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * One quarantined mail as listed: everything but the raw bytes.
     *
     * @param heldBy the policy that held the mail (e.g. creation-cap), or null for a mail that failed
     */
    public record Entry(long id, String mailbox, String rawSha256, int rawSize, String error, String heldBy, String messageKey,
                        Instant receivedAt, Instant replayedAt) {
    }

    /** Newest first; pendingOnly leaves out what was replayed already. */
    public List<Entry> list(boolean pendingOnly, int limit) {
        return list(pendingOnly, Kind.ALL, limit);
    }

    public List<Entry> list(boolean pendingOnly, Kind kind, int limit) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select id, mailbox, raw_sha256, length(raw), error, held_by, message_key, "
                    + "received_at, replayed_at from mail_quarantine where (not ? or replayed_at is null) "
                    + "and (? = 'ALL' or (held_by is not null) = (? = 'HELD')) order by id desc limit ?")) {
                st.setBoolean(1, pendingOnly);
                st.setString(2, kind.name());
                st.setString(3, kind.name());
                st.setInt(4, limit);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()));
                    }
                }
                return entries;
            }
        });
    }

    public Optional<Quarantined> find(long id) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select mailbox, raw, held_by, mailbox_name from mail_quarantine where id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Quarantined(id, rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The raw mail to run through intake again, with the mailbox it came from (its name is null for mail kept before V9).
     *
     * @param heldBy the policy that held it, which a replay then bypasses; null for a mail that failed
     */
    public record Quarantined(long id, String mailbox, byte[] raw, String heldBy, String mailboxName) {

        public boolean held() {
            return heldBy != null;
        }

        /** The mail as intake reads it; a replay has no UID: the mail left the mailbox when it was quarantined. */
        public ReceivedMail asReceived() {
            return new ReceivedMail(mailboxName, mailbox, null, null, raw);
        }
    }

    public void markReplayed(long id) {
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("update mail_quarantine set replayed_at = now() where id = ?")) {
                st.setLong(1, id);
                return st.executeUpdate();
            }
        });
    }
}
