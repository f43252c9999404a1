package io.supporthub.app.flow;

import io.supporthub.connector.crm.CrmLookup;
import io.supporthub.connector.crm.InFlightLookups;
import io.supporthub.ticket.CustomerStore;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Headers;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM enrichment steps: the query for a draft, reading the answer, the fallback when the CRM
 * cannot answer, and merging the customer into the draft (the enrich EIP's aggregation strategy).
 */
public class CrmEnrichment implements AggregationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(CrmEnrichment.class);

    static final String SOURCE_HEADER = "hubCrmSource";
    /** The customer found by the Contact query while its open Cases are being counted. */
    static final String CUSTOMER_PROPERTY = "hubCrmCustomer";

    private final CrmLookup lookup;
    private final CustomerStore customers;
    private final InFlightLookups inFlight;
    private final Duration cacheTtl;
    private final Duration notFoundCacheTtl;

    public CrmEnrichment(CrmLookup lookup, CustomerStore customers, InFlightLookups inFlight, Duration cacheTtl, Duration notFoundCacheTtl) {
        this.lookup = lookup;
        this.customers = customers;
        this.inFlight = inFlight;
        this.cacheTtl = cacheTtl;
        this.notFoundCacheTtl = notFoundCacheTtl;
    }

    /** Sets the header the lookup reads: the requester's e-mail, or none (no lookup) for a request without one. */
    public void requesterHeader(TicketDraft draft, @Headers Map<String, Object> headers) {
        String email = draft.request().requesterEmail();
        if (email == null) {
            headers.remove("hubRequesterEmail");
        } else {
            headers.put("hubRequesterEmail", email);
        }
    }

    /**
     * A recent answer from the cache, or the answer of a lookup for the same e-mail already under
     * way; null when this exchange has to ask the CRM itself (it then leads, see {@link #remember}).
     */
    public CustomerSnapshot cached(@Header("hubRequesterEmail") String email, @Headers Map<String, Object> headers) {
        Optional<CustomerSnapshot> answer = customers.fresh(email, cacheTtl, notFoundCacheTtl);
        headers.put(SOURCE_HEADER, "cache");
        if (answer.isEmpty()) {
            answer = inFlight.joinOrLead(email);
            headers.put(SOURCE_HEADER, "coalesced");
        }
        if (answer.isEmpty()) {
            headers.put(SOURCE_HEADER, "crm");
        }
        return answer.orElse(null);
    }

    public String soql(@Header("hubRequesterEmail") String email) {
        return lookup.soqlFor(email);
    }

    /** Caches a definite answer and hands it to the intakes that waited for it. */
    public CustomerSnapshot remember(CustomerSnapshot answer, @Header("hubRequesterEmail") String email) {
        customers.remember(answer);
        inFlight.complete(email, answer);
        return answer;
    }

    public CustomerSnapshot read(String queryResult, @Header("hubRequesterEmail") String email) {
        return lookup.read(email, queryResult);
    }

    /** True when the org counts the account's open Cases with a second query (salesforce.open-cases = case-count). */
    public boolean countsOpenCases(CustomerSnapshot customer) {
        return lookup.countsOpenCases(customer);
    }

    public String openCasesSoql(CustomerSnapshot customer) {
        return lookup.openCasesSoqlFor(customer.crmAccountId());
    }

    public CustomerSnapshot withOpenCases(String countResult, @ExchangeProperty(CUSTOMER_PROPERTY) CustomerSnapshot customer) {
        return lookup.withOpenCases(customer, countResult);
    }

    /** The CRM is down, slow or refusing: the ticket goes on as customer 'unknown' and is enriched again later. */
    public CustomerSnapshot unavailable(@Header("hubRequesterEmail") String email,
                                        @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        // Salesforce's own answer (e.g. INVALID_FIELD for a field the org lacks) is what an admin needs;
        // once the circuit is open every ticket would repeat it, so those say less
        if (error != null && !error.getClass().getSimpleName().equals("CallNotPermittedException")) {
            LOG.warn("CRM lookup failed, the ticket goes on as customer 'unknown': {}", error.getMessage());
        }
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
        original.getMessage().removeHeader(SOURCE_HEADER);
        return original;
    }

    private static TicketEvent event(CustomerSnapshot customer, Exchange resource) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lookup", customer.lookup());
        details.put("customer_tier", customer.tier().code());
        String source = resource == null ? null : resource.getMessage().getHeader(SOURCE_HEADER, String.class);
        String from = "cache".equals(source) ? " (cached answer)" : "coalesced".equals(source) ? " (answer shared with a concurrent lookup)" : "";
        if (source != null) {
            details.put("source", source);
        }
        String reason = switch (customer.lookup()) {
            case "found" -> "CRM contact " + customer.crmContactId() + " at " + customer.accountName() + ": customer tier " + customer.tier().code()
                    + accountFacts(customer) + from;
            case "not_found" -> "no CRM contact for " + customer.email() + ": new customer, tier unknown" + from;
            case "crm_disabled" -> "CRM lookup is turned off: customer tier unknown";
            default -> "CRM did not answer (" + failure(resource) + "): customer tier unknown, flagged for re-enrichment";
        };
        if (customer.accountName() != null) {
            details.put("account", customer.accountName());
        }
        putIfKnown(details, "annual_revenue", customer.annualRevenue());
        putIfKnown(details, "health", customer.health());
        putIfKnown(details, "owner", customer.owner());
        putIfKnown(details, "open_cases", customer.openCases());
        return TicketEvent.of("customer_enriched", "crm-salesforce", reason, details);
    }

    /** ", ARR 850000, health Yellow, owner Marcus Lee, 2 open cases": what the CRM told, so the agent needs not look it up. */
    private static String accountFacts(CustomerSnapshot customer) {
        StringBuilder facts = new StringBuilder();
        if (customer.annualRevenue() != null) {
            facts.append(", ARR ").append(customer.annualRevenue().stripTrailingZeros().toPlainString());
        }
        if (customer.health() != null) {
            facts.append(", health ").append(customer.health());
        }
        if (customer.owner() != null) {
            facts.append(", owner ").append(customer.owner());
        }
        if (customer.openCases() != null) {
            facts.append(", ").append(customer.openCases()).append(customer.openCases() == 1 ? " open case" : " open cases");
        }
        return facts.toString();
    }

    private static void putIfKnown(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private static String failure(Exchange resource) {
        Exception e = resource == null ? null : resource.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return e == null ? "no answer" : e.getClass().getSimpleName();
    }
}
