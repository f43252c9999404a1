package io.supporthub.ticket;

import io.supporthub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

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

    /** Inserts or refreshes the customer in the caller's transaction and returns its id. */
    public long upsert(Connection connection, CustomerSnapshot customer, String requesterName) throws SQLException {
        // A failed lookup must not overwrite what an earlier successful lookup learned.
        String sql = "insert into customer (email, name, crm_contact_id, crm_account_id, account_name, tier, annual_revenue, health, owner, open_cases, looked_up_at, lookup) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?) on conflict (email) do update set "
                + "name = coalesce(excluded.name, customer.name), crm_contact_id = coalesce(excluded.crm_contact_id, customer.crm_contact_id), "
                + "crm_account_id = coalesce(excluded.crm_account_id, customer.crm_account_id), account_name = coalesce(excluded.account_name, customer.account_name), "
                + "tier = case when excluded.lookup = 'found' or customer.lookup <> 'found' then excluded.tier else customer.tier end, "
                + "annual_revenue = coalesce(excluded.annual_revenue, customer.annual_revenue), health = coalesce(excluded.health, customer.health), "
                + "owner = coalesce(excluded.owner, customer.owner), open_cases = coalesce(excluded.open_cases, customer.open_cases), looked_up_at = now(), "
                + "lookup = case when excluded.lookup = 'found' or customer.lookup <> 'found' then excluded.lookup else customer.lookup end "
                + "returning id";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
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
}
