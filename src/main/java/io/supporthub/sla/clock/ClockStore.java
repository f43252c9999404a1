package io.supporthub.sla.clock;

import io.supporthub.sla.SlaMetric;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SLA clocks in PostgreSQL: every write joins the caller's transaction, every read that precedes a change locks. */
public final class ClockStore {

    static final String COLUMNS = "c.id, c.ticket_id, c.metric, c.cycle, c.policy_id, c.calendar, c.target_ms, c.steps, c.state, "
            + "c.outcome, c.started_at, c.segment_started_at, c.elapsed_us, c.at_risk_at, c.breached_at, c.last_step";
    static final int COLUMN_COUNT = 16;

    /** A due clock as the sweep claims it: the clock and the facts its alerts show. */
    public record DueClock(SlaClock clock, TicketFacts ticket) {
    }

    /**
     * Inserts new clocks in one batch and returns their ids, in order. The ids are drawn first, so the rows can go in a
     * batch (which the driver rewrites into multi-row inserts) rather than one round trip each.
     */
    public List<Long> insertAll(Connection c, List<SlaClock> clocks, List<ClockLadder.Schedule> schedules, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>();
        if (clocks.isEmpty()) {
            return ids;
        }
        try (PreparedStatement st = c.prepareStatement("select nextval(pg_get_serial_sequence('sla_clock', 'id')) from generate_series(1, ?)")) {
            st.setInt(1, clocks.size());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("insert into sla_clock (id, ticket_id, metric, cycle, policy_id, calendar, target_ms, "
                + "steps, state, started_at, segment_started_at, elapsed_us, due_at, at_risk_at, next_step, next_due_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < clocks.size(); i++) {
                SlaClock clock = clocks.get(i);
                ClockLadder.Schedule schedule = schedules.get(i);
                st.setLong(1, ids.get(i));
                st.setLong(2, clock.ticketId());
                st.setString(3, clock.metric().key());
                st.setInt(4, clock.cycle());
                st.setString(5, clock.policyId());
                st.setString(6, clock.calendar());
                st.setLong(7, clock.target().toMillis());
                st.setArray(8, steps(c, clock.steps()));
                st.setString(9, clock.state().code());
                st.setTimestamp(10, ts(clock.startedAt()));
                st.setTimestamp(11, ts(clock.segmentStartedAt()));
                st.setLong(12, micros(clock.elapsedBefore()));
                st.setTimestamp(13, ts(schedule.dueAt()));
                st.setTimestamp(14, ts(clock.atRiskAt() != null ? clock.atRiskAt() : schedule.atRiskAt()));
                st.setObject(15, schedule.nextStep(), Types.INTEGER);
                st.setTimestamp(16, ts(schedule.nextDueAt()));
                st.setTimestamp(17, ts(now));
                st.addBatch();
            }
            st.executeBatch();
        }
        return ids;
    }

    /** Every clock of a ticket, locked, oldest first: the live ones and the stopped ones a reopen may resume. */
    public List<SlaClock> lockForTicket(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from sla_clock c where c.ticket_id = ? order by c.id for update")) {
            st.setLong(1, ticketId);
            List<SlaClock> clocks = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    clocks.add(read(rs, 1));
                }
            }
            return clocks;
        }
    }

    /** Writes a clock's state and schedule; {@code lastError} is kept for an admin when a clock cannot be computed. */
    public void save(Connection c, SlaClock clock, ClockLadder.Schedule schedule, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SAVE)) {
            bindSave(c, st, clock, schedule, now);
            st.executeUpdate();
        }
    }

    /** {@link #save} for many clocks in one round trip. */
    public void saveAll(Connection c, List<SlaClock> clocks, List<ClockLadder.Schedule> schedules, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SAVE)) {
            for (int i = 0; i < clocks.size(); i++) {
                bindSave(c, st, clocks.get(i), schedules.get(i), now);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static final String SAVE = "update sla_clock set policy_id = ?, calendar = ?, target_ms = ?, steps = ?, state = ?, outcome = ?, "
            + "segment_started_at = ?, elapsed_us = ?, due_at = ?, at_risk_at = ?, breached_at = ?, last_step = ?, next_step = ?, "
            + "next_due_at = ?, stopped_at = case when ? = 'stopped' then coalesce(stopped_at, ?) end, "
            + "last_error = null, updated_at = ? where id = ?";

    private static void bindSave(Connection c, PreparedStatement st, SlaClock clock, ClockLadder.Schedule schedule, Instant now)
            throws SQLException {
        st.setString(1, clock.policyId());
        st.setString(2, clock.calendar());
        st.setLong(3, clock.target().toMillis());
        st.setArray(4, steps(c, clock.steps()));
        st.setString(5, clock.state().code());
        st.setString(6, clock.outcome());
        st.setTimestamp(7, ts(clock.segmentStartedAt()));
        st.setLong(8, micros(clock.elapsedBefore()));
        st.setTimestamp(9, ts(schedule.dueAt()));
        st.setTimestamp(10, ts(clock.running() ? schedule.atRiskAt() : clock.atRiskAt()));
        st.setTimestamp(11, ts(clock.breachedAt()));
        st.setInt(12, clock.lastStep());
        st.setObject(13, schedule.nextStep(), Types.INTEGER);
        st.setTimestamp(14, ts(schedule.nextDueAt()));
        st.setString(15, clock.state().code());
        st.setTimestamp(16, ts(now));
        st.setTimestamp(17, ts(now));
        st.setLong(18, clock.id());
    }

    /** Puts a clock that cannot be computed aside until {@code retryAt}, with the reason, so it neither blocks nor spins. */
    public void markFailed(Connection c, long clockId, String error, Instant retryAt) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update sla_clock set last_error = ?, next_due_at = ? where id = ?")) {
            st.setString(1, error);
            st.setTimestamp(2, ts(retryAt));
            st.setLong(3, clockId);
            st.executeUpdate();
        }
    }

    public int nextCycle(Connection c, long ticketId, SlaMetric metric) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select coalesce(max(cycle), 0) + 1 from sla_clock where ticket_id = ? and metric = ?")) {
            st.setLong(1, ticketId);
            st.setString(2, metric.key());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Claims up to {@code limit} clocks whose next step is due by {@code now}, earliest first, with
     * their tickets. Rows another sweeper holds are skipped, so two instances never claim one clock;
     * the scan runs over the next-due index and touches only what is due. The ticket is held in
     * key-share mode (what the foreign keys of the step's rows need), skipping a ticket locked
     * outright, so the sweep never waits for a change to a ticket and cannot deadlock with one.
     */
    public List<DueClock> claimDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + ", " + TicketFacts.COLUMNS
                + " from sla_clock c join ticket t on t.id = c.ticket_id where c.next_due_at <= ? "
                + "order by c.next_due_at limit ? for update of c skip locked for key share of t skip locked")) {
            st.setTimestamp(1, ts(now));
            st.setInt(2, limit);
            List<DueClock> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(new DueClock(read(rs, 1), TicketFacts.read(rs, COLUMN_COUNT + 1)));
                }
            }
            return due;
        }
    }

    /** The earliest instant any clock's next step is due, or null when none is scheduled. */
    public Instant nextDue(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select min(next_due_at) from sla_clock where next_due_at is not null");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            Timestamp next = rs.getTimestamp(1);
            return next == null ? null : next.toInstant();
        }
    }

    /** The ticket's clocks as the API shows them, oldest first. */
    public List<java.util.Map<String, Object>> describe(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select metric, cycle, policy_id, calendar, target_ms, state, outcome, started_at, "
                + "elapsed_us, due_at, at_risk_at, breached_at, last_step, next_step, next_due_at, steps from sla_clock where ticket_id = ? order by id")) {
            st.setLong(1, ticketId);
            List<java.util.Map<String, Object>> clocks = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
                    v.put("metric", rs.getString(1));
                    v.put("cycle", rs.getInt(2));
                    v.put("policy", rs.getString(3));
                    v.put("calendar", rs.getString(4));
                    v.put("target", Duration.ofMillis(rs.getLong(5)).toString());
                    v.put("state", rs.getString(6));
                    v.put("outcome", rs.getString(7));
                    v.put("started_at", text(rs.getTimestamp(8)));
                    v.put("elapsed_before", Duration.ofNanos(rs.getLong(9) * 1000).toString());
                    v.put("due_at", text(rs.getTimestamp(10)));
                    v.put("at_risk_at", text(rs.getTimestamp(11)));
                    v.put("breached_at", text(rs.getTimestamp(12)));
                    v.put("last_step", rs.getInt(13));
                    v.put("next_step", rs.getObject(14));
                    v.put("next_step_at", text(rs.getTimestamp(15)));
                    v.put("steps", Arrays.asList((Integer[]) rs.getArray(16).getArray()));
                    clocks.add(v);
                }
            }
            return clocks;
        }
    }

    private static String text(Timestamp ts) {
        return ts == null ? null : ts.toInstant().toString();
    }

    static SlaClock read(ResultSet rs, int i) throws SQLException {
        Integer[] steps = (Integer[]) rs.getArray(i + 7).getArray();
        return new SlaClock(rs.getLong(i), rs.getLong(i + 1), SlaMetric.fromKey(rs.getString(i + 2)), rs.getInt(i + 3),
                rs.getString(i + 4), rs.getString(i + 5), Duration.ofMillis(rs.getLong(i + 6)), Arrays.asList(steps),
                ClockState.fromCode(rs.getString(i + 8)), rs.getString(i + 9), instant(rs.getTimestamp(i + 10)),
                instant(rs.getTimestamp(i + 11)), Duration.ofNanos(rs.getLong(i + 12) * 1000), instant(rs.getTimestamp(i + 13)),
                instant(rs.getTimestamp(i + 14)), rs.getInt(i + 15));
    }

    private static Array steps(Connection c, List<Integer> steps) throws SQLException {
        return c.createArrayOf("integer", steps.toArray());
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
