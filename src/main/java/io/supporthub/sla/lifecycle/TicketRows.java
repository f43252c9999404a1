package io.supporthub.sla.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The writes a ticket's lifecycle makes to its own row, comments and ratings, in the caller's transaction. */
final class TicketRows {

    private TicketRows() {
    }

    static void setStatus(Connection c, long ticketId, String status) throws SQLException {
        update(c, "update ticket set status = ?, version = version + 1, updated_at = now() where id = ?", status, ticketId);
    }

    /** A comment changes the ticket: its version moves, so a stale PATCH is refused. */
    static void touch(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update ticket set version = version + 1, updated_at = now() where id = ?")) {
            st.setLong(1, ticketId);
            st.executeUpdate();
        }
    }

    static void setPriority(Connection c, long ticketId, String priority) throws SQLException {
        update(c, "update ticket set priority = ?, version = version + 1, updated_at = now() where id = ?", priority, ticketId);
    }

    static void setTier(Connection c, long ticketId, String tier, String queue) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update ticket set tier = ?, queue = ?, version = version + 1, updated_at = now() where id = ?")) {
            st.setString(1, tier);
            st.setString(2, queue);
            st.setLong(3, ticketId);
            st.executeUpdate();
        }
    }

    static long insertComment(Connection c, long ticketId, String visibility, String author, String body) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into ticket_comment (ticket_id, visibility, author, body_text, source_system) "
                + "values (?, ?, ?, ?, 'api') returning id")) {
            st.setLong(1, ticketId);
            st.setString(2, visibility);
            st.setString(3, author);
            st.setString(4, body);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long insertRating(Connection c, long ticketId, int score, String comment, String source, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into ticket_satisfaction (ticket_id, score, comment, source, rated_at) "
                + "values (?, ?, ?, ?, ?) returning id")) {
            st.setLong(1, ticketId);
            st.setInt(2, score);
            st.setString(3, comment);
            st.setString(4, source);
            st.setTimestamp(5, Timestamp.from(at));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void insertSurvey(Connection c, String token, long ticketId, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into satisfaction_survey (token, ticket_id, created_at) values (?, ?, ?)")) {
            st.setString(1, token);
            st.setLong(2, ticketId);
            st.setTimestamp(3, Timestamp.from(at));
            st.executeUpdate();
        }
    }

    /** The ticket a survey token belongs to, locked, if the survey is still unanswered; -1 if answered, null if unknown. */
    static Long openSurvey(Connection c, String token) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select ticket_id, answered_at from satisfaction_survey where token = ? for update")) {
            st.setString(1, token);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return rs.getTimestamp(2) == null ? rs.getLong(1) : -1L;
            }
        }
    }

    static void answerSurvey(Connection c, String token, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update satisfaction_survey set answered_at = ? where token = ?")) {
            st.setTimestamp(1, Timestamp.from(at));
            st.setString(2, token);
            st.executeUpdate();
        }
    }

    static boolean rated(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select 1 from ticket_satisfaction where ticket_id = ? limit 1")) {
            st.setLong(1, ticketId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void update(Connection c, String sql, String value, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            st.setLong(2, ticketId);
            st.executeUpdate();
        }
    }
}
