package io.supporthub.mail;

import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps mail that could not be processed, raw and whole, with the error, so it can be replayed. */
public class MailQuarantine {

    private final Transactions transactions;

    public MailQuarantine(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Stores the mail and returns the quarantine id. */
    public long store(String mailbox, byte[] raw, String error) {
        return store(new ReceivedMail(null, mailbox, null, null, raw), error);
    }

    /** Stores the mail with the mailbox and UID it came from (so a crash before it is flagged seen does not quarantine it twice). */
    public long store(ReceivedMail mail, String error) {
        byte[] raw = mail.raw();
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into mail_quarantine (mailbox, raw, raw_sha256, error, mailbox_name, "
                    + "uidvalidity, uid) values (?, ?, ?, ?, ?, ?, ?) returning id")) {
                st.setString(1, mail.address());
                st.setBytes(2, raw);
                st.setString(3, RawMail.sha256(raw));
                st.setString(4, error == null ? "unknown error" : error);
                st.setString(5, mail.mailboxName());
                st.setObject(6, mail.uidValidity(), java.sql.Types.BIGINT);
                st.setObject(7, mail.uid(), java.sql.Types.BIGINT);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** One quarantined mail as listed for admins: everything but the raw bytes. */
    public record Entry(long id, String mailbox, String rawSha256, int rawSize, String error, Instant receivedAt, Instant replayedAt) {
    }

    /** Newest first; pendingOnly leaves out what was replayed already. */
    public List<Entry> list(boolean pendingOnly, int limit) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select id, mailbox, raw_sha256, length(raw), error, received_at, replayed_at "
                    + "from mail_quarantine where (not ? or replayed_at is null) order by id desc limit ?")) {
                st.setBoolean(1, pendingOnly);
                st.setInt(2, limit);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()));
                    }
                }
                return entries;
            }
        });
    }

    public Optional<Quarantined> find(long id) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select mailbox, raw, mailbox_name from mail_quarantine where id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Quarantined(id, rs.getString(1), rs.getBytes(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    /** The raw mail to run through intake again, with the mailbox it came from (its name is null for mail kept before V9). */
    public record Quarantined(long id, String mailbox, byte[] raw, String mailboxName) {

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
