package io.supporthub.ticket;

import io.supporthub.db.Json;
import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Tickets and their timelines in PostgreSQL; writes join the caller's transaction. */
public class TicketStore {

    private static final String COLUMNS = "id, key, subject, description, status, priority, category, tier, queue, channel, "
            + "requester_email, requester_name, customer_tier, customer_lookup, customer_crm_id, customer_account, customer_arr, "
            + "customer_health, customer_owner, customer_open_cases, sentiment, language, complexity, version, created_at, updated_at, "
            + "sender_auth, review_flag";

    private final Transactions transactions;
    private final CustomerStore customers;

    public TicketStore(Transactions transactions, CustomerStore customers) {
        this.transactions = transactions;
        this.customers = customers;
    }

    /** Inserts a routed draft as a new ticket, with its customer and timeline, in the caller's transaction. */
    public Ticket insert(Connection connection, TicketDraft draft) throws SQLException {
        return insertAll(connection, List.of(draft)).get(0);
    }

    /**
     * Inserts routed drafts as new tickets, with their customers and timelines, in the caller's transaction and in
     * order. A handful of statements whatever the number of drafts: ids and key numbers are drawn first, so the rows
     * can go in batches (which the driver rewrites into multi-row inserts).
     */
    public List<Ticket> insertAll(Connection connection, List<TicketDraft> drafts) throws SQLException {
        return insertAll(connection, drafts, reserveIds(connection, drafts.size()));
    }

    /** Draws ids for tickets about to be written in this transaction, so other rows can name them first. */
    public List<Long> reserveIds(Connection connection, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement st = connection.prepareStatement("select nextval('ticket_id_seq') from generate_series(1, ?)")) {
            st.setInt(1, count);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** As above, with ids drawn by {@link #reserveIds}; {@code ids.get(i)} becomes the id of {@code drafts.get(i)}'s ticket. */
    public List<Ticket> insertAll(Connection connection, List<TicketDraft> drafts, List<Long> ids) throws SQLException {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Map<String, Long> customerIds = customers.upsertAll(connection, drafts.stream().filter(d -> d.request().requesterEmail() != null && d.customerOrUnknown().email() != null)
                .map(d -> new CustomerStore.Requester(d.customerOrUnknown(), d.request().requesterName())).toList());
        long[] numbers = numbers(connection, drafts.size());
        String sql = "insert into ticket (id, key, subject, description, status, priority, category, tier, queue, channel, "
                + "requester_email, requester_name, customer_id, customer_tier, customer_lookup, customer_crm_id, customer_account, "
                + "customer_arr, customer_health, customer_owner, customer_open_cases, sentiment, language, complexity, sender_auth, review_flag, "
                + "reenrich_after) values (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int d = 0; d < drafts.size(); d++) {
                bindTicket(st, ids.get(d), numbers[d], drafts.get(d), customerIds);
                st.addBatch();
            }
            st.executeBatch();
        }
        List<TicketEvent> events = new ArrayList<>();
        List<Long> eventTickets = new ArrayList<>();
        for (int d = 0; d < drafts.size(); d++) {
            for (TicketEvent event : drafts.get(d).events()) {
                eventTickets.add(ids.get(d));
                events.add(event);
            }
        }
        insertEvents(connection, eventTickets, events);
        return read(connection, ids);
    }

    /** Draws the numbers of {@code count} new tickets' keys, in order, in one round trip. */
    private static long[] numbers(Connection connection, int count) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select nextval('ticket_number_seq') from generate_series(1, ?)")) {
            st.setInt(1, count);
            long[] numbers = new long[count];
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; i < count; i++) {
                    rs.next();
                    numbers[i] = rs.getLong(1);
                }
            }
            return numbers;
        }
    }

    private static void bindTicket(PreparedStatement st, long id, long number, TicketDraft draft, Map<String, Long> customerIds) throws SQLException {
        IntakeRequest request = draft.request();
        CustomerSnapshot customer = draft.customerOrUnknown();
        Classification classification = draft.classification();
        Routing routing = draft.routing();
        Long customerId = request.requesterEmail() == null || customer.email() == null ? null : customerIds.get(customer.email());
        int i = 1;
        st.setLong(i++, id);
        st.setString(i++, "SH-" + number);
        st.setString(i++, request.subject());
        st.setString(i++, request.body());
        st.setString(i++, classification.priority().name());
        st.setString(i++, classification.category());
        st.setString(i++, routing.tier().name());
        st.setString(i++, routing.queue());
        st.setString(i++, request.channel().code());
        st.setString(i++, request.requesterEmail());
        st.setString(i++, request.requesterName());
        st.setObject(i++, customerId, Types.BIGINT);
        st.setString(i++, customer.tier().code());
        st.setString(i++, customer.lookup());
        st.setString(i++, customer.crmContactId());
        st.setString(i++, customer.accountName());
        st.setBigDecimal(i++, customer.annualRevenue());
        st.setString(i++, customer.health());
        st.setString(i++, customer.owner());
        st.setObject(i++, customer.openCases(), Types.INTEGER);
        st.setString(i++, classification.sentiment());
        st.setString(i++, classification.language());
        st.setString(i++, classification.complexity());
        st.setString(i++, request.source().message() == null ? null : request.source().message().senderAuthentication());
        st.setString(i++, draft.reviewFlag().orElse(null));
        st.setBoolean(i, customer.needsReEnrichment());
    }

    /** The tickets with these ids, in the order given. */
    private static List<Ticket> read(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Ticket> byId = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("select " + COLUMNS + " from ticket where id = any(?)")) {
            st.setArray(1, connection.createArrayOf("int8", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Ticket ticket = map(rs);
                    byId.put(ticket.id(), ticket);
                }
            }
        }
        return ids.stream().map(byId::get).toList();
    }

    /** Appends several events in one round trip (a batch), in order. */
    public void appendEvents(Connection connection, long ticketId, java.util.List<TicketEvent> events) throws SQLException {
        insertEvents(connection, java.util.Collections.nCopies(events.size(), ticketId), events);
    }

    /** Appends events of several tickets in one round trip, in order (the SLA sweep's batch). */
    public void appendEvents(Connection connection, List<Map.Entry<Long, TicketEvent>> events) throws SQLException {
        insertEvents(connection, events.stream().map(Map.Entry::getKey).toList(), events.stream().map(Map.Entry::getValue).toList());
    }

    /** Inserts events, each for the ticket at the same index, in one batch. */
    private static void insertEvents(Connection connection, List<Long> ticketIds, List<TicketEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(
                "insert into ticket_event (ticket_id, type, actor, reason, payload) values (?, ?, ?, ?, ?)")) {
            for (int e = 0; e < events.size(); e++) {
                TicketEvent event = events.get(e);
                st.setLong(1, ticketIds.get(e));
                st.setString(2, event.type());
                st.setString(3, event.actor());
                st.setString(4, event.reason());
                st.setObject(5, Json.jsonb(event.payload()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    public void appendEvent(Connection connection, long ticketId, TicketEvent event) throws SQLException {
        appendEvents(connection, ticketId, java.util.List.of(event));
    }

    public Optional<Ticket> findByKey(String key) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from ticket where key = ?")) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<TicketEvent> timeline(long ticketId) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select type, actor, reason, payload::text, occurred_at from ticket_event where ticket_id = ? order by id")) {
                st.setLong(1, ticketId);
                List<TicketEvent> events = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        events.add(new TicketEvent(rs.getString(1), rs.getString(2), rs.getString(3), Json.map(rs.getString(4)),
                                rs.getTimestamp(5).toInstant()));
                    }
                }
                return events;
            }
        });
    }

    /** Lists tickets newest first; filters are bound parameters, never SQL text. */
    public TicketPage list(TicketFilter filter) {
        String sql = "select " + COLUMNS + " from ticket "
                + "where (?::text is null or status = ?) and (?::text is null or tier = ?) and (?::text is null or priority = ?) "
                + "and (?::text is null or requester_email = ?) and (?::text is null or review_flag = ?) and (?::bigint is null or id < ?) "
                + "order by id desc limit ?";
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                i = bindTwice(st, i, filter.status() == null ? null : filter.status().code());
                i = bindTwice(st, i, filter.tier() == null ? null : filter.tier().name());
                i = bindTwice(st, i, filter.priority() == null ? null : filter.priority().name());
                i = bindTwice(st, i, filter.requesterEmail());
                i = bindTwice(st, i, filter.reviewFlag());
                st.setObject(i++, filter.beforeId(), Types.BIGINT);
                st.setObject(i++, filter.beforeId(), Types.BIGINT);
                st.setInt(i, filter.limit() + 1);
                List<Ticket> tickets = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        tickets.add(map(rs));
                    }
                }
                if (tickets.size() > filter.limit()) {
                    tickets = tickets.subList(0, filter.limit());
                    return new TicketPage(List.copyOf(tickets), tickets.get(tickets.size() - 1).id());
                }
                return new TicketPage(tickets, null);
            }
        });
    }

    private static int bindTwice(PreparedStatement st, int index, String value) throws SQLException {
        st.setString(index, value);
        st.setString(index + 1, value);
        return index + 2;
    }

    private static Ticket map(ResultSet rs) throws SQLException {
        CustomerSnapshot customer = new CustomerSnapshot(rs.getString("requester_email"), rs.getString("requester_name"),
                rs.getString("customer_crm_id"), null, rs.getString("customer_account"),
                CustomerTier.fromCode(rs.getString("customer_tier")), rs.getBigDecimal("customer_arr"), rs.getString("customer_health"),
                rs.getString("customer_owner"), rs.getObject("customer_open_cases", Integer.class), rs.getString("customer_lookup"));
        return new Ticket(rs.getLong("id"), rs.getString("key"), rs.getString("subject"), rs.getString("description"),
                TicketStatus.fromCode(rs.getString("status")), Priority.valueOf(rs.getString("priority")), rs.getString("category"),
                Tier.valueOf(rs.getString("tier")), rs.getString("queue"), Channel.fromCode(rs.getString("channel")),
                rs.getString("requester_email"), rs.getString("requester_name"), customer, rs.getString("sentiment"),
                rs.getString("language"), rs.getString("complexity"), rs.getInt("version"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getString("sender_auth"), rs.getString("review_flag"));
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
