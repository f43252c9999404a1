package io.supporthub.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.supporthub.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's own numbers on /observe/metrics: open tickets by tier and priority (queue depth),
 * the notification outbox backlog, mail in quarantine (failed, and held by a policy), and tickets waiting for re-enrichment.
 * They are counts over the shared database, so every instance reports the same values.
 */
public class HubMetrics {

    private final Transactions transactions;
    private final MultiGauge openTickets;
    private final MultiGauge outbox;
    private final MultiGauge quarantine;
    private final MultiGauge held;
    private final MultiGauge reEnrichment;

    public HubMetrics(Transactions transactions, MeterRegistry registry) {
        this.transactions = transactions;
        this.openTickets = MultiGauge.builder("supporthub.tickets.open").description("Open tickets by tier and priority").register(registry);
        this.outbox = MultiGauge.builder("supporthub.notifications.pending").description("Notifications not yet sent, by kind").register(registry);
        this.quarantine = MultiGauge.builder("supporthub.mail.quarantined").description("Mail in quarantine that failed, not replayed").register(registry);
        this.held = MultiGauge.builder("supporthub.mail.held").description("Mail held by a policy (the creation cap), not released, by policy").register(registry);
        this.reEnrichment = MultiGauge.builder("supporthub.tickets.awaiting.crm").description("Tickets waiting for the CRM to answer").register(registry);
    }

    /** Re-reads the counts; called by the metrics-refresh route, so a scrape never queries the database. */
    public void refresh() {
        openTickets.register(rows("select tier, priority, count(*) from ticket where status not in ('solved', 'closed') group by tier, priority",
                "tier", "priority"), true);
        outbox.register(rows("select kind, count(*) from notification where state in ('pending', 'sending') group by kind", "kind"), true);
        quarantine.register(rows("select count(*) from mail_quarantine where replayed_at is null and held_by is null"), true);
        held.register(rows("select held_by, count(*) from mail_quarantine where replayed_at is null and held_by is not null group by held_by",
                "held_by"), true);
        reEnrichment.register(rows("select count(*) from ticket where reenrich_after is not null"), true);
    }

    private List<MultiGauge.Row<?>> rows(String sql, String... tagNames) {
        return transactions.read(c -> {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Tags tags = Tags.empty();
                    for (int i = 0; i < tagNames.length; i++) {
                        tags = tags.and(tagNames[i], rs.getString(i + 1));
                    }
                    rows.add(MultiGauge.Row.of(tags, rs.getLong(tagNames.length + 1)));
                }
            }
            return rows;
        });
    }
}
