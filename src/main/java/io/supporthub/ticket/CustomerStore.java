package io.supporthub.ticket;

import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Customers as the CRM last described them. The row doubles as the CRM cache: a recent answer —
 * found, or not found (negative caching) — spares the CRM another call for the same e-mail.
 */
public class CustomerStore {

    private final Transactions transactions;

    public CustomerStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The cached answer for an e-mail when it is younger than its time-to-live; a failed lookup is never cached. */
    public Optional<CustomerSnapshot> fresh(String email, Duration foundTtl, Duration notFoundTtl) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select email, name, crm_contact_id, crm_account_id, account_name, tier, annual_revenue, health, owner, open_cases, lookup "
                            + "from customer where email = ? and ((lookup = 'found' and looked_up_at > now() - ?::interval) "
                            + "or (lookup = 'not_found' and looked_up_at > now() - ?::interval))")) {
                st.setString(1, email);
                st.setString(2, foundTtl.toSeconds() + " seconds");
                st.setString(3, notFoundTtl.toSeconds() + " seconds");
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new CustomerSnapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            CustomerTier.fromCode(rs.getString(6)), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                            rs.getObject(10, Integer.class), rs.getString(11)));
                }
            }
        });
    }

    /** Records a CRM answer outside any ticket, e.g. right after a lookup, so concurrent and later intakes find it. */
    public void remember(CustomerSnapshot snapshot) {
        if (snapshot.email() == null || snapshot.needsReEnrichment()) {
            return;
        }
        transactions.inTransaction(c -> upsert(c, snapshot, null));
    }

    private static final String COLUMNS = "email, name, crm_contact_id, crm_account_id, account_name, tier, annual_revenue, health, owner, open_cases, "
            + "looked_up_at, lookup";

    // A failed lookup must not overwrite what an earlier successful lookup learned.
    private static final String ON_CONFLICT = " on conflict (email) do update set "
            + "name = coalesce(excluded.name, customer.name), crm_contact_id = coalesce(excluded.crm_contact_id, customer.crm_contact_id), "
            + "crm_account_id = coalesce(excluded.crm_account_id, customer.crm_account_id), account_name = coalesce(excluded.account_name, customer.account_name), "
            + "tier = case when excluded.lookup = 'found' or customer.lookup <> 'found' then excluded.tier else customer.tier end, "
            + "annual_revenue = coalesce(excluded.annual_revenue, customer.annual_revenue), health = coalesce(excluded.health, customer.health), "
            + "owner = coalesce(excluded.owner, customer.owner), open_cases = coalesce(excluded.open_cases, customer.open_cases), looked_up_at = now(), "
            + "lookup = case when excluded.lookup = 'found' or customer.lookup <> 'found' then excluded.lookup else customer.lookup end "
            + "returning id, email";

    /** A customer as a ticket names it: the CRM's answer, and the requester's own name for when the CRM has none. */
    public record Requester(CustomerSnapshot customer, String requesterName) {
    }

    /** Inserts or refreshes the customer in the caller's transaction and returns its id. */
    public long upsert(Connection connection, CustomerSnapshot customer, String requesterName) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("insert into customer (" + COLUMNS + ") "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)" + ON_CONFLICT)) {
            st.setString(1, customer.email());
            st.setString(2, customer.name() != null ? customer.name() : requesterName);
            st.setString(3, customer.crmContactId());
            st.setString(4, customer.crmAccountId());
            st.setString(5, customer.accountName());
            st.setString(6, customer.tier().code());
            st.setBigDecimal(7, customer.annualRevenue());
            st.setString(8, customer.health());
            st.setString(9, customer.owner());
            st.setObject(10, customer.openCases(), java.sql.Types.INTEGER);
            st.setString(11, customer.lookup());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Inserts or refreshes many customers in one statement of the caller's transaction; returns their ids by e-mail.
     * One row per e-mail (the last answer wins), in e-mail order so concurrent batches lock rows in the same order.
     */
    public Map<String, Long> upsertAll(Connection connection, List<Requester> requesters) throws SQLException {
        Map<String, Requester> byEmail = new TreeMap<>();
        requesters.forEach(r -> byEmail.put(r.customer().email(), r));
        if (byEmail.isEmpty()) {
            return Map.of();
        }
        List<Requester> rows = new ArrayList<>(byEmail.values());
        try (PreparedStatement st = connection.prepareStatement("insert into customer (" + COLUMNS + ") "
                + "select e, n, cc, ca, an, t, ar, h, o, oc, now(), l from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::numeric[], ?::text[], ?::text[], ?::int4[], ?::text[]) as v(e, n, cc, ca, an, t, ar, h, o, oc, l)" + ON_CONFLICT)) {
            st.setArray(1, column(connection, "text", rows, r -> r.customer().email()));
            st.setArray(2, column(connection, "text", rows, r -> r.customer().name() != null ? r.customer().name() : r.requesterName()));
            st.setArray(3, column(connection, "text", rows, r -> r.customer().crmContactId()));
            st.setArray(4, column(connection, "text", rows, r -> r.customer().crmAccountId()));
            st.setArray(5, column(connection, "text", rows, r -> r.customer().accountName()));
            st.setArray(6, column(connection, "text", rows, r -> r.customer().tier().code()));
            st.setArray(7, column(connection, "numeric", rows, r -> r.customer().annualRevenue()));
            st.setArray(8, column(connection, "text", rows, r -> r.customer().health()));
            st.setArray(9, column(connection, "text", rows, r -> r.customer().owner()));
            st.setArray(10, column(connection, "int4", rows, r -> r.customer().openCases()));
            st.setArray(11, column(connection, "text", rows, r -> r.customer().lookup()));
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static java.sql.Array column(Connection connection, String type, List<Requester> rows, Function<Requester, Object> value)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(value).toArray());
    }
}
