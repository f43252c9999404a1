package io.supporthub.app.flow;

import io.supporthub.connector.crm.CrmLookup;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The CRM enrichment steps: the query for a draft, reading the answer, the fallback when the CRM
 * cannot answer, and merging the customer into the draft (the enrich EIP's aggregation strategy).
 */
public class CrmEnrichment implements AggregationStrategy {

    private final CrmLookup lookup;

    public CrmEnrichment(CrmLookup lookup) {
        this.lookup = lookup;
    }

    public String requesterEmail(TicketDraft draft) {
        return draft.request().requesterEmail();
    }

    public String soql(TicketDraft draft) {
        return lookup.soqlFor(draft.request().requesterEmail());
    }

    public CustomerSnapshot read(String queryResult, @Header("hubRequesterEmail") String email) {
        return lookup.read(email, queryResult);
    }

    /** The CRM is down, slow or refusing: the ticket goes on as customer 'unknown' and is enriched again later. */
    public CustomerSnapshot unavailable(@Header("hubRequesterEmail") String email,
                                        @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        return CustomerSnapshot.unknown(email, "crm_unavailable");
    }

    public CustomerSnapshot disabled(@Header("hubRequesterEmail") String email) {
        return CustomerSnapshot.unknown(email, "crm_disabled");
    }

    @Override
    public Exchange aggregate(Exchange original, Exchange resource) {
        TicketDraft draft = original.getMessage().getBody(TicketDraft.class);
        CustomerSnapshot customer = resource == null ? null : resource.getMessage().getBody(CustomerSnapshot.class);
        if (customer == null) {
            customer = CustomerSnapshot.unknown(draft.request().requesterEmail(), "crm_unavailable");
        }
        original.getMessage().setBody(draft.withCustomer(customer, event(customer, resource)));
        return original;
    }

    private static TicketEvent event(CustomerSnapshot customer, Exchange resource) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lookup", customer.lookup());
        details.put("customer_tier", customer.tier().code());
        String reason = switch (customer.lookup()) {
            case "found" -> "CRM contact " + customer.crmContactId() + " at " + customer.accountName() + ": customer tier " + customer.tier().code();
            case "not_found" -> "no CRM contact for " + customer.email() + ": new customer, tier unknown";
            case "crm_disabled" -> "CRM lookup is turned off: customer tier unknown";
            default -> "CRM did not answer (" + failure(resource) + "): customer tier unknown, flagged for re-enrichment";
        };
        if (customer.accountName() != null) {
            details.put("account", customer.accountName());
        }
        return TicketEvent.of("customer_enriched", "crm-salesforce", reason, details);
    }

    private static String failure(Exchange resource) {
        Exception e = resource == null ? null : resource.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return e == null ? "no answer" : e.getClass().getSimpleName();
    }
}
