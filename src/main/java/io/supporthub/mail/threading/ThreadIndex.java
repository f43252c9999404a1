package io.supporthub.mail.threading;

import io.supporthub.db.Transactions;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The database behind threading: tickets by key, by the Message-IDs we received and sent, by external link; and who belongs to them. */
public class ThreadIndex implements ThreadLookup {

    private final Transactions transactions;

    public ThreadIndex(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<ThreadTicket> byKey(String key) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select id, key, status from ticket where key = ?")) {
                st.setString(1, key);
                return first(st);
            }
        });
    }

    @Override
    public Optional<ThreadTicket> byMessageIds(List<String> messageIds) {
        return transactions.read(c -> {
            // Customers' mail (mail_message) and ours (outbound_message) in one lookup; the caller's order decides.
            String sql = "select m.message_id, t.id, t.key, t.status from mail_message m join ticket t on t.id = m.ticket_id "
                    + "where m.message_id = any(?) "
                    + "union all select o.message_id, t.id, t.key, t.status from outbound_message o join ticket t on t.id = o.ticket_id "
                    + "where o.message_id = any(?)";
            Map<String, ThreadTicket> byId = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Array ids = c.createArrayOf("text", messageIds.toArray());
                st.setArray(1, ids);
                st.setArray(2, ids);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        byId.putIfAbsent(rs.getString(1), new ThreadTicket(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return messageIds.stream().filter(byId::containsKey).findFirst().map(byId::get);
        });
    }

    @Override
    public Optional<ThreadTicket> bySentMessageIds(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return transactions.read(c -> {
            Map<String, ThreadTicket> byId = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select o.message_id, t.id, t.key, t.status from outbound_message o "
                    + "join ticket t on t.id = o.ticket_id where o.message_id = any(?)")) {
                st.setArray(1, c.createArrayOf("text", messageIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        byId.putIfAbsent(rs.getString(1), new ThreadTicket(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return messageIds.stream().filter(byId::containsKey).findFirst().map(byId::get);
        });
    }

    @Override
    public List<ThreadTicket> byForeignNumber(ForeignNumber number) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select t.id, t.key, t.status from external_link l join ticket t on t.id = l.ticket_id "
                    + "where l.system = ? and l.external_number = ? order by t.id desc")) {
                st.setString(1, number.system());
                st.setString(2, number.number());
                List<ThreadTicket> tickets = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        tickets.add(map(rs));
                    }
                }
                return tickets;
            }
        });
    }

    @Override
    public boolean isParticipant(long ticketId, String email) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select 1 from ticket where id = ? and lower(requester_email) = ? "
                    + "union all select 1 from ticket_participant where ticket_id = ? and email = ?")) {
                String address = email.toLowerCase(Locale.ROOT);
                st.setLong(1, ticketId);
                st.setString(2, address);
                st.setLong(3, ticketId);
                st.setString(4, address);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Optional<ThreadTicket> first(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static ThreadTicket map(ResultSet rs) throws SQLException {
        return new ThreadTicket(rs.getLong(1), rs.getString(2), rs.getString(3));
    }
}
