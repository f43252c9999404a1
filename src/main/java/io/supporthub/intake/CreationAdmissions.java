package io.supporthub.intake;

import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Decides whether a mail may open a new ticket under the per-sender {@link CreationCap}. Admission
 * is recorded by message key on the hub's clock, so a redelivered mail is admitted again without
 * counting twice, and the window slides with the hub's time. Several instances or workers serialise
 * per sender on an advisory lock, so the cap is never overshot.
 */
public class CreationAdmissions {

    private final Transactions transactions;
    private final Clock clock;
    private final CreationCap cap;

    public CreationAdmissions(Transactions transactions, Clock clock, CreationCap cap) {
        this.transactions = transactions;
        this.clock = clock;
        this.cap = cap;
    }

    /** The answer for one mail; the reason is what the decision record of a held mail says. */
    public record Admission(boolean admitted, String reason) {

        static Admission admitted(String reason) {
            return new Admission(true, reason);
        }
    }

    public CreationCap cap() {
        return cap;
    }

    /** A mail without a readable sender is admitted: intake then quarantines it for that, which says more than the cap would. */
    public Admission admit(String sender, String messageKey) {
        String address = address(sender);
        if (address == null || cap.exempts(address)) {
            return exempt(address);
        }
        return transactions.inTransaction(c -> admit(c, address, messageKey));
    }

    /**
     * The same in the caller's transaction, for an intake path that commits a batch at once. The per-sender lock is
     * held until that transaction ends, so a batch should admit its mail sorted by sender, as two batches locking
     * the same senders in different orders would wait for each other until PostgreSQL breaks the deadlock.
     */
    public Admission admit(Connection c, String sender, String messageKey) throws SQLException {
        String address = address(sender);
        if (address == null || cap.exempts(address)) {
            return exempt(address);
        }
        Instant now = clock.instant();
        OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(cap.window()), ZoneOffset.UTC);
        lock(c, address);
        Counts counts = counts(c, address, messageKey, since);
        if (counts.stale() > 0) {
            forgetBefore(c, address, since);
        }
        if (counts.thisMail() > 0) {
            return Admission.admitted("admitted before (a redelivery)");
        }
        if (counts.recent() >= cap.perSender()) {
            return new Admission(false, cap.describe(address));
        }
        try (PreparedStatement st = c.prepareStatement("insert into mail_ticket_admission (message_key, sender, admitted_at) values (?, ?, ?)")) {
            st.setString(1, messageKey);
            st.setString(2, address);
            st.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            st.executeUpdate();
        }
        return Admission.admitted((counts.recent() + 1) + " of " + cap.perSender() + " new tickets from " + address + " within " + cap.window());
    }

    private static String address(String sender) {
        return sender == null || sender.isBlank() ? null : sender.strip().toLowerCase(Locale.ROOT);
    }

    private static Admission exempt(String address) {
        return Admission.admitted(address == null ? "no sender to count" : address + " is exempt from the creation cap");
    }

    private static void lock(Connection c, String address) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            st.setString(1, "mail-creation-cap:" + address);
            st.executeQuery().close();
        }
    }

    /** What the sender's rows say: admissions within the window, whether this mail is one of them, and rows past it. */
    private record Counts(int recent, int thisMail, int stale) {
    }

    private static Counts counts(Connection c, String address, String messageKey, OffsetDateTime since) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) filter (where admitted_at > ?), count(*) filter (where message_key = ?), "
                + "count(*) filter (where admitted_at <= ?) from mail_ticket_admission where sender = ?")) {
            st.setObject(1, since);
            st.setString(2, messageKey);
            st.setObject(3, since);
            st.setString(4, address);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3));
            }
        }
    }

    /** Rows older than the window count for nothing; dropping them keeps the table as small as the senders active now. */
    private static void forgetBefore(Connection c, String address, OffsetDateTime since) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from mail_ticket_admission where sender = ? and admitted_at <= ?")) {
            st.setString(1, address);
            st.setObject(2, since);
            st.executeUpdate();
        }
    }
}
