package io.supporthub.ticket;

import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The records tickets are in other systems ({@code external_link}). One record belongs to one ticket: by its id, and
 * by its number (a number from a mail's subject comes without an id). Writes take the caller's transaction, so a link
 * commits with the ticket or the sync step that learned it.
 */
public class ExternalLinks {

    private static final String COLUMNS = "id, ticket_id, system, external_id, external_number, url, learned_from, "
            + "last_seen_remote_version, last_seen_at, last_pushed_hash, last_pushed_at, created_at";

    /** A link to write: this ticket is that record, learned as {@code learnedFrom} says. */
    public record NewLink(long ticketId, ExternalRef ref, String learnedFrom) {
    }

    private final Transactions transactions;

    public ExternalLinks(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Writes new tickets' links in one statement and returns those not written: the record is linked to a ticket
     * already. Rows go in record order, so two transactions linking the same records lock them in the same order.
     */
    public List<NewLink> linkAll(Connection c, List<NewLink> links) throws SQLException {
        if (links.isEmpty()) {
            return List.of();
        }
        List<NewLink> rows = links.stream().sorted(Comparator.comparing((NewLink l) -> l.ref().system())
                .thenComparing(l -> String.valueOf(l.ref().number())).thenComparing(l -> String.valueOf(l.ref().externalId()))
                .thenComparingLong(NewLink::ticketId)).toList();
        Set<String> written = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("insert into external_link (ticket_id, system, external_id, external_number, url, "
                + "learned_from) select * from unnest(?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "on conflict do nothing returning ticket_id, system, external_id, external_number")) {
            st.setArray(1, c.createArrayOf("int8", rows.stream().map(NewLink::ticketId).toArray()));
            st.setArray(2, c.createArrayOf("text", rows.stream().map(l -> l.ref().system()).toArray()));
            st.setArray(3, c.createArrayOf("text", rows.stream().map(l -> l.ref().externalId()).toArray()));
            st.setArray(4, c.createArrayOf("text", rows.stream().map(l -> l.ref().number()).toArray()));
            st.setArray(5, c.createArrayOf("text", rows.stream().map(l -> l.ref().url()).toArray()));
            st.setArray(6, c.createArrayOf("text", rows.stream().map(NewLink::learnedFrom).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    written.add(identity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        List<NewLink> refused = new ArrayList<>();
        for (NewLink link : links) {
            if (!written.remove(identity(link.ticketId(), link.ref().system(), link.ref().externalId(), link.ref().number()))) {
                refused.add(link);
            }
        }
        return refused;
    }

    /**
     * Links a ticket to a record, or completes the link it has: a record first known by its number gains its id and URL
     * when a source names them. Returns the record's link as stored — another ticket's, when it was linked there first.
     */
    public Optional<ExternalLink> link(Connection c, long ticketId, ExternalRef ref, String learnedFrom) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update external_link set external_id = coalesce(external_id, ?), "
                + "external_number = coalesce(external_number, ?), url = coalesce(?, url) where ticket_id = ? and system = ? "
                + "and (external_id = ? or external_number = ?) "
                // an id another ticket's link holds stays there; this ticket then keeps what it had
                + "and not exists (select 1 from external_link o where o.system = external_link.system and o.external_id = ? "
                + "and o.id <> external_link.id)")) {
            st.setString(1, ref.externalId());
            st.setString(2, ref.number());
            st.setString(3, ref.url());
            st.setLong(4, ticketId);
            st.setString(5, ref.system());
            st.setString(6, ref.externalId());
            st.setString(7, ref.number());
            st.setString(8, ref.externalId());
            if (st.executeUpdate() == 0) {
                linkAll(c, List.of(new NewLink(ticketId, ref, learnedFrom)));
            }
        }
        return find(c, ref);
    }

    /** A ticket's links, oldest first. */
    public List<ExternalLink> forTicket(long ticketId) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from external_link where ticket_id = ? order by id")) {
                st.setLong(1, ticketId);
                return all(st);
            }
        });
    }

    /** The link of a record, by its id if the reference has one, else by its number. */
    public Optional<ExternalLink> find(ExternalRef ref) {
        return transactions.read(c -> find(c, ref));
    }

    private Optional<ExternalLink> find(Connection c, ExternalRef ref) throws SQLException {
        boolean byId = ref.externalId() != null;
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from external_link where system = ? and "
                + (byId ? "external_id" : "external_number") + " = ?")) {
            st.setString(1, ref.system());
            st.setString(2, byId ? ref.externalId() : ref.number());
            List<ExternalLink> found = all(st);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Remembers the remote version last read from the record, in the caller's transaction. */
    public void recordSeen(Connection c, long linkId, String remoteVersion) throws SQLException {
        update(c, "update external_link set last_seen_remote_version = ?, last_seen_at = now() where id = ?", linkId, remoteVersion);
    }

    /** Remembers the hash of the content last pushed to the record, in the caller's transaction: an echo of it is not synced back. */
    public void recordPushed(Connection c, long linkId, String contentHash) throws SQLException {
        update(c, "update external_link set last_pushed_hash = ?, last_pushed_at = now() where id = ?", linkId, contentHash);
    }

    private static void update(Connection c, String sql, long linkId, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            st.setLong(2, linkId);
            st.executeUpdate();
        }
    }

    private static String identity(long ticketId, String system, String externalId, String number) {
        return ticketId + "\u0000" + system + "\u0000" + externalId + "\u0000" + number;
    }

    private static List<ExternalLink> all(PreparedStatement st) throws SQLException {
        List<ExternalLink> links = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                links.add(new ExternalLink(rs.getLong(1), rs.getLong(2), new ExternalRef(rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10),
                        instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))));
            }
        }
        return links;
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
