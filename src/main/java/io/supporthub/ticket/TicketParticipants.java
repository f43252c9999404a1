package io.supporthub.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Who belongs to a ticket besides the agents: its requester and the others the opening request named, whose replies may join it. */
public final class TicketParticipants {

    private TicketParticipants() {
    }

    /** The people of one new ticket: its requester and the other recipients of the request that opened it. */
    public record Participants(long ticketId, String requester, List<String> others) {
    }

    /** Records the people of new tickets in the caller's transaction, in one batch. */
    public static void addAll(Connection connection, List<Participants> tickets) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "insert into ticket_participant (ticket_id, email, role) values (?, ?, ?) on conflict do nothing")) {
            int rows = 0;
            for (Participants ticket : tickets) {
                if (ticket.requester() != null) {
                    add(st, ticket.ticketId(), ticket.requester(), "requester");
                    rows++;
                }
                for (String other : ticket.others()) {
                    add(st, ticket.ticketId(), other, "cc");
                    rows++;
                }
            }
            if (rows > 0) {
                st.executeBatch();
            }
        }
    }

    private static void add(PreparedStatement st, long ticketId, String email, String role) throws SQLException {
        st.setLong(1, ticketId);
        st.setString(2, email.toLowerCase(Locale.ROOT));
        st.setString(3, role);
        st.addBatch();
    }
}
