package io.supporthub.intake;

import io.supporthub.db.Transactions;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerStore;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.Tier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enriches again the tickets that came in while the CRM could not answer, and moves them when the
 * customer's tier changes where they belong. Claims use SKIP LOCKED, so instances share the work.
 */
public class CustomerReEnrichment {

    /** After this many failed attempts the ticket keeps customer 'unknown' and says so on its timeline. */
    static final int MAX_ATTEMPTS = 10;

    private final Transactions transactions;
    private final TicketStore tickets;
    private final CustomerStore customers;
    private final IntakeHooks sla;

    public CustomerReEnrichment(Transactions transactions, TicketStore tickets, CustomerStore customers) {
        this(transactions, tickets, customers, IntakeHooks.NONE);
    }

    /** @param sla re-selects the ticket's SLA targets (customer tier, priority, support tier) in the same transaction */
    public CustomerReEnrichment(Transactions transactions, TicketStore tickets, CustomerStore customers, IntakeHooks sla) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.customers = customers;
        this.sla = sla;
    }

    /** Claims due tickets; a claim pushes the next attempt back, so a crashed attempt is retried later, not lost. */
    public List<ReEnrichmentJob> claimDue(int limit, Duration claimFor) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update ticket set reenrich_after = now() + ?::interval, reenrich_attempts = reenrich_attempts + 1 "
                            + "where id in (select id from ticket where reenrich_after <= now() and status not in ('solved', 'closed') "
                            + "order by reenrich_after limit ? for update skip locked) "
                            + "returning id, key, channel, requester_email, requester_name, subject, description, priority, tier, queue, reenrich_attempts")) {
                st.setString(1, claimFor.toSeconds() + " seconds");
                st.setInt(2, limit);
                List<ReEnrichmentJob> jobs = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new ReEnrichmentJob(rs.getLong(1), rs.getString(2), Channel.fromCode(rs.getString(3)), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), Priority.valueOf(rs.getString(8)), Tier.valueOf(rs.getString(9)),
                                rs.getString(10), rs.getInt(11)));
                    }
                }
                return jobs;
            }
        });
    }

    /** The CRM still does not answer: try again later with backoff, or give up after {@link #MAX_ATTEMPTS}. */
    public void postpone(ReEnrichmentJob job) {
        boolean giveUp = job.attempts() >= MAX_ATTEMPTS;
        transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update ticket set reenrich_after = case when ? then null else now() + least(interval '30 seconds' * power(2, reenrich_attempts), interval '1 hour') end "
                            + "where id = ?")) {
                st.setBoolean(1, giveUp);
                st.setLong(2, job.ticketId());
                st.executeUpdate();
            }
            if (giveUp) {
                tickets.appendEvent(c, job.ticketId(), TicketEvent.of("customer_enrichment_abandoned", "crm-salesforce",
                        "CRM did not answer in " + job.attempts() + " attempts; customer stays unknown", Map.of("attempts", job.attempts())));
            }
            return null;
        });
    }

    /**
     * Stores the CRM's answer on the ticket and, when the router now places it elsewhere, moves it.
     * Returns whether the ticket moved.
     */
    public boolean apply(ReEnrichmentJob job, TicketDraft redone) {
        CustomerSnapshot customer = redone.customerOrUnknown();
        Priority priority = redone.classification().priority();
        Tier tier = redone.routing().tier();
        String queue = redone.routing().queue();
        boolean moved = tier != job.tier() || !queue.equals(job.queue()) || priority != job.priority();
        return transactions.inTransaction(c -> {
            long customerId = customers.upsert(c, customer, job.requesterName());
            try (PreparedStatement st = c.prepareStatement(
                    "update ticket set customer_id = ?, customer_tier = ?, customer_lookup = ?, customer_crm_id = ?, customer_account = ?, "
                            + "customer_arr = ?, customer_health = ?, customer_owner = ?, customer_open_cases = ?, priority = ?, tier = ?, queue = ?, "
                            + "reenrich_after = null, version = version + 1, updated_at = now() where id = ?")) {
                st.setLong(1, customerId);
                st.setString(2, customer.tier().code());
                st.setString(3, customer.lookup());
                st.setString(4, customer.crmContactId());
                st.setString(5, customer.accountName());
                st.setBigDecimal(6, customer.annualRevenue());
                st.setString(7, customer.health());
                st.setString(8, customer.owner());
                st.setObject(9, customer.openCases(), java.sql.Types.INTEGER);
                st.setString(10, priority.name());
                st.setString(11, tier.name());
                st.setString(12, queue);
                st.setLong(13, job.ticketId());
                st.executeUpdate();
            }
            TicketEvent enriched = redone.events().stream().filter(e -> e.type().equals("customer_enriched")).reduce((a, b) -> b).orElseThrow();
            tickets.appendEvent(c, job.ticketId(), TicketEvent.of("customer_reenriched", enriched.actor(), "after a CRM outage: " + enriched.reason(),
                    enriched.payload()));
            if (moved) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("from", job.tier() + "/" + job.queue() + "/" + job.priority());
                details.put("to", tier + "/" + queue + "/" + priority);
                details.put("rule", redone.routing().rule());
                tickets.appendEvent(c, job.ticketId(), TicketEvent.of("rerouted", "router", "customer tier " + customer.tier().code()
                        + " moves the ticket from " + details.get("from") + " to " + details.get("to"), details));
            }
            sla.ticketReenriched(c, job.ticketId(), job.tier().name());
            return moved;
        });
    }
}
