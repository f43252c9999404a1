package io.supporthub.connector.salesforce;

import io.supporthub.connector.spi.ConnectorErrorClassifier;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerStore;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM enrichment steps (routes/enrich-crm.camel.yaml): the query for a draft, reading the answer,
 * what a failure means (by {@link SalesforceErrorClassifier}), and merging the customer into the draft
 * (the enrich EIP's aggregation strategy).
 */
public class SalesforceCrmEnrichment implements AggregationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceCrmEnrichment.class);

    static final String SOURCE_HEADER = "hubCrmSource";
    /** The customer found by the Contact query while its open Cases are being counted. */
    static final String CUSTOMER_PROPERTY = "hubCrmCustomer";

    private final SalesforceCrmLookup lookup;
    private final CustomerStore customers;
    private final InFlightLookups inFlight;
    private final Duration cacheTtl;
    private final Duration notFoundCacheTtl;
    private final ConnectorErrorClassifier errors;

    public SalesforceCrmEnrichment(SalesforceCrmLookup lookup, CustomerStore customers, InFlightLookups inFlight, Duration cacheTtl,
                                   Duration notFoundCacheTtl, ConnectorErrorClassifier errors) {
        this.lookup = lookup;
        this.customers = customers;
        this.inFlight = inFlight;
        this.cacheTtl = cacheTtl;
        this.notFoundCacheTtl = notFoundCacheTtl;
        this.errors = errors;
    }

    /** The steps for the configured org; followers of a lookup wait a little longer than the lookup's own timeout. */
    public static SalesforceCrmEnrichment from(SalesforceSettings settings, CustomerStore customers) {
        return new SalesforceCrmEnrichment(new SalesforceCrmLookup(settings.crmFields()), customers,
                new InFlightLookups(settings.timeout().plusSeconds(1)), settings.cacheTtl(), settings.notFoundCacheTtl(),
                new SalesforceErrorClassifier());
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

    /**
     * If only the count of open Cases fails (say the integration user may not read Case), the customer goes
     * on without it: a found tier is worth more than a missing number.
     */
    public CustomerSnapshot withoutOpenCases(@ExchangeProperty(CUSTOMER_PROPERTY) CustomerSnapshot customer,
                                             @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        LOG.warn("CRM open-cases count failed, the customer goes on without it: {}", errors.classify(error).describe());
        return customer;
    }

    /** The CRM is down, slow or refusing: the ticket goes on as customer 'unknown' and is enriched again later. */
    public CustomerSnapshot unavailable(@Header("hubRequesterEmail") String email,
                                        @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        if (error != null) {
            log(errors.classify(error), error);
        }
        return CustomerSnapshot.unknown(email, "crm_unavailable");
    }

    /**
     * Salesforce's own answer (e.g. INVALID_FIELD for a field the org lacks) is what an admin needs, loudest when
     * nothing will change until the settings do; once the circuit is open every ticket would repeat it, so those say less.
     */
    private static void log(ConnectorFailure failure, Exception error) {
        if (ConnectorErrorClassifier.causeOf(error, io.github.resilience4j.circuitbreaker.CallNotPermittedException.class).isPresent()) {
            LOG.debug("CRM lookup skipped, the ticket goes on as customer 'unknown': {}", failure.reason());
        } else if (failure.retriable()) {
            LOG.warn("CRM lookup failed, the ticket goes on as customer 'unknown': {}", failure.describe());
        } else {
            LOG.error("CRM lookup fails until its settings change; tickets go on as customer 'unknown': {}", failure.describe());
        }
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

    private TicketEvent event(CustomerSnapshot customer, Exchange resource) {
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

    private String failure(Exchange resource) {
        Exception e = resource == null ? null : resource.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return e == null ? "no answer" : errors.classify(e).describe();
    }
}
