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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a mail may open a new ticket under the per-sender {@link CreationCap}. Admission
 * is recorded by message key on the hub's clock, so a redelivered mail is admitted again without
 * counting twice, and the window slides with the hub's time. Several instances or workers serialise
 * per sender on an advisory lock, so the cap is never overshot. A mailbox batch is admitted in a
 * handful of statements, whatever its size. An address's authenticated mail and mail merely claiming it (a sender
 * the mailbox does not trust) are counted apart, so mail forged in a customer's name never uses up the customer's allowance.
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

    /**
     * A mail that would open a ticket: who sent it, its message key, and whether its sender is trusted (authenticated).
     */
    public record Candidate(String sender, String messageKey, boolean senderTrusted) {

        /** A mail from an authenticated sender. */
        public Candidate(String sender, String messageKey) {
            this(sender, messageKey, true);
        }
    }

    /** Whose allowance a mail counts against: the address, and whether the mail is authenticated as from it. */
    private record Allowance(String sender, boolean trusted) implements Comparable<Allowance> {

        @Override
        public int compareTo(Allowance other) {
            return lockKey().compareTo(other.lockKey());
        }

        String lockKey() {
            return (trusted ? "" : "unauthenticated:") + sender;
        }
    }

    /** A mail without a readable sender is admitted: intake then quarantines it for that, which says more than the cap would. */
    public Admission admit(String sender, String messageKey) {
        return transactions.inTransaction(c -> admit(c, sender, messageKey));
    }

    /** The same in the caller's transaction. */
    public Admission admit(Connection c, String sender, String messageKey) throws SQLException {
        return admitAll(c, List.of(new Candidate(sender, messageKey))).get(0);
    }

    /**
     * Admits candidates in the caller's transaction and answers for each, in order. Candidates of one sender are
     * admitted in the order given until the cap is reached. The per-sender locks are held until the transaction
     * ends and are taken in sender order, so two batches that share senders cannot wait for each other in a circle.
     */
    public List<Admission> admitAll(Connection c, List<Candidate> candidates) throws SQLException {
        Admission[] answers = new Admission[candidates.size()];
        TreeSet<Allowance> senders = new TreeSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            String address = address(candidates.get(i).sender());
            if (address == null || cap.exempts(address)) {
                answers[i] = exempt(address);
            } else {
                senders.add(new Allowance(address, candidates.get(i).senderTrusted()));
            }
        }
        if (senders.isEmpty()) {
            return List.of(answers);
        }
        Instant now = clock.instant();
        OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(cap.window()), ZoneOffset.UTC);
        lock(c, senders);
        Map<Allowance, Integer> recent = recentCounts(c, senders, since);
        Set<String> admittedBefore = admittedBefore(c, candidates);
        forgetBefore(c, senders, since);
        List<Candidate> toInsert = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (answers[i] != null) {
                continue;
            }
            Candidate candidate = candidates.get(i);
            Allowance allowance = new Allowance(address(candidate.sender()), candidate.senderTrusted());
            if (admittedBefore.contains(candidate.messageKey()) || !seenKeys.add(candidate.messageKey())) {
                answers[i] = Admission.admitted("admitted before (a redelivery)");
                continue;
            }
            int count = recent.getOrDefault(allowance, 0);
            if (count >= cap.perSender()) {
                answers[i] = new Admission(false, cap.describe(allowance.sender(), allowance.trusted()));
                continue;
            }
            recent.put(allowance, count + 1);
            toInsert.add(new Candidate(allowance.sender(), candidate.messageKey(), allowance.trusted()));
            answers[i] = Admission.admitted((count + 1) + " of " + cap.perSender() + " new tickets from " + allowance.sender()
                    + (allowance.trusted() ? "" : " (unauthenticated)") + " within " + cap.window());
        }
        insert(c, toInsert, now);
        return List.of(answers);
    }

    private static String address(String sender) {
        return sender == null || sender.isBlank() ? null : sender.strip().toLowerCase(Locale.ROOT);
    }

    private static Admission exempt(String address) {
        return Admission.admitted(address == null ? "no sender to count" : address + " is exempt from the creation cap");
    }

    /** One statement for all allowances; the array is in their order, and the locks are taken in array order. */
    private static void lock(Connection c, TreeSet<Allowance> senders) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select pg_advisory_xact_lock(hashtextextended('mail-creation-cap:' || s, 0)) from unnest(?::text[]) with ordinality as u(s, n)")) {
            st.setArray(1, c.createArrayOf("text", senders.stream().map(Allowance::lockKey).toArray()));
            st.executeQuery().close();
        }
    }

    /** Admissions within the window, per allowance. */
    private static Map<Allowance, Integer> recentCounts(Connection c, Set<Allowance> senders, OffsetDateTime since) throws SQLException {
        Map<Allowance, Integer> counts = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select sender, sender_trusted, count(*) from mail_ticket_admission "
                + "where sender = any(?) and admitted_at > ? group by sender, sender_trusted")) {
            st.setArray(1, c.createArrayOf("text", senders.stream().map(Allowance::sender).distinct().toArray()));
            st.setObject(2, since);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(new Allowance(rs.getString(1), rs.getBoolean(2)), rs.getInt(3));
                }
            }
        }
        return counts;
    }

    /** The candidates admitted by an earlier delivery of the same mail. */
    private static Set<String> admittedBefore(Connection c, List<Candidate> candidates) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("select message_key from mail_ticket_admission where message_key = any(?)")) {
            st.setArray(1, c.createArrayOf("text", candidates.stream().map(Candidate::messageKey).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** Rows older than the window count for nothing; dropping them keeps the table as small as the senders active now. */
    private static void forgetBefore(Connection c, Set<Allowance> senders, OffsetDateTime since) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from mail_ticket_admission where sender = any(?) and admitted_at <= ?")) {
            st.setArray(1, c.createArrayOf("text", senders.stream().map(Allowance::sender).distinct().toArray()));
            st.setObject(2, since);
            st.executeUpdate();
        }
    }

    private static void insert(Connection c, List<Candidate> admitted, Instant now) throws SQLException {
        if (admitted.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("insert into mail_ticket_admission (message_key, sender, sender_trusted, admitted_at) "
                + "select k, s, t, ? from unnest(?::text[], ?::text[], ?::bool[]) as v(k, s, t)")) {
            st.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            st.setArray(2, c.createArrayOf("text", admitted.stream().map(Candidate::messageKey).toArray()));
            st.setArray(3, c.createArrayOf("text", admitted.stream().map(Candidate::sender).toArray()));
            st.setArray(4, c.createArrayOf("bool", admitted.stream().map(Candidate::senderTrusted).toArray()));
            st.executeUpdate();
        }
    }
}
