package io.supporthub.sla.engine;

import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where open tickets stand against their SLAs, by support tier and priority: breached (a live
 * clock is past its target), at risk (past its first warning) or on track. A ticket counts once,
 * by its worst clock; tickets without a live clock are not counted.
 */
public final class SlaSummary {

    public enum Standing { ON_TRACK, AT_RISK, BREACHED }

    public record Row(String tier, String priority, Standing standing, long tickets) {
    }

    private final Transactions transactions;

    public SlaSummary(Transactions transactions) {
        this.transactions = transactions;
    }

    /** A full pass over the live clocks of open tickets: for the API and the metrics refresh, never for the sweep. */
    public List<Row> at(Instant now) {
        return transactions.read(c -> {
            try (PreparedStatement st = c.prepareStatement("with standing as ("
                    + "select t.tier, t.priority, case when bool_or(c.breached_at is not null or c.due_at <= ?) then 'BREACHED' "
                    + "when bool_or(c.at_risk_at <= ?) then 'AT_RISK' else 'ON_TRACK' end as standing "
                    + "from ticket t join sla_clock c on c.ticket_id = t.id and c.state <> 'stopped' "
                    + "where t.status not in ('solved', 'closed') group by t.id, t.tier, t.priority) "
                    + "select tier, priority, standing, count(*) from standing group by tier, priority, standing order by tier, priority, standing")) {
                st.setTimestamp(1, Timestamp.from(now));
                st.setTimestamp(2, Timestamp.from(now));
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), Standing.valueOf(rs.getString(3)), rs.getLong(4)));
                    }
                }
                return rows;
            }
        });
    }
}
