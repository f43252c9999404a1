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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRM enrichment through Salesforce (routes/enrich-crm.camel.yaml, through {@code app/flow/CrmEnrichmentStep}, which
 * owns the exchange): the query for a requester, reading the answer, what a failure means (by
 * {@link SalesforceErrorClassifier}), and the customer merged into the draft with its timeline event.
 */
public class SalesforceCrmEnrichment {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceCrmEnrichment.class);

    /** Where an answer came from: the cache, a lookup for the same e-mail under way, or (no answer yet) the CRM itself. */
    public static final String FROM_CACHE = "cache";
    public static final String COALESCED = "coalesced";
    public static final String FROM_CRM = "crm";

    /** What the cache or a concurrent lookup gave: the customer (null: ask the CRM) and where it came from. */
    public record Recent(CustomerSnapshot customer, String source) {
    }

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

    /**
     * A recent answer from the cache, or the answer of a lookup for the same e-mail already under
     * way; no customer when the caller has to ask the CRM itself (it then leads, see {@link #remember}).
     */
    public Recent recent(String email) {
        Optional<CustomerSnapshot> answer = customers.fresh(email, cacheTtl, notFoundCacheTtl);
        if (answer.isPresent()) {
            return new Recent(answer.get(), FROM_CACHE);
        }
        answer = inFlight.joinOrLead(email);
        return answer.map(customer -> new Recent(customer, COALESCED)).orElseGet(() -> new Recent(null, FROM_CRM));
    }

    public String soql(String email) {
        return lookup.soqlFor(email);
    }

    /** Caches a definite answer and hands it to the intakes that waited for it. */
    public CustomerSnapshot remember(CustomerSnapshot answer, String email) {
        customers.remember(answer);
        inFlight.complete(email, answer);
        return answer;
    }

    public CustomerSnapshot read(String queryResult, String email) {
        return lookup.read(email, queryResult);
    }

    /** True when the org counts the account's open Cases with a second query (salesforce.open-cases = case-count). */
    public boolean countsOpenCases(CustomerSnapshot customer) {
        return lookup.countsOpenCases(customer);
    }

    public String openCasesSoql(CustomerSnapshot customer) {
        return lookup.openCasesSoqlFor(customer.crmAccountId());
    }

    public CustomerSnapshot withOpenCases(String countResult, CustomerSnapshot customer) {
        return lookup.withOpenCases(customer, countResult);
    }

    /**
     * If only the count of open Cases fails (say the integration user may not read Case), the customer goes
     * on without it: a found tier is worth more than a missing number.
     */
    public CustomerSnapshot withoutOpenCases(CustomerSnapshot customer, Exception error) {
        LOG.warn("CRM open-cases count failed, the customer goes on without it: {}", errors.classify(error).describe());
        return customer;
    }

    /** The CRM is down, slow or refusing: the ticket goes on as customer 'unknown' and is enriched again later. */
    public CustomerSnapshot unavailable(String email, Exception error) {
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

    public CustomerSnapshot disabled(String email) {
        return CustomerSnapshot.unknown(email, "crm_disabled");
    }

    /**
     * The draft with the customer the lookup gave (none: 'unknown') and its timeline event.
     *
     * @param source where the answer came from ({@link #FROM_CACHE}, {@link #COALESCED}, {@link #FROM_CRM}), null when no lookup ran
     * @param error  why the lookup gave no answer, if it failed
     */
    public TicketDraft enriched(TicketDraft draft, CustomerSnapshot found, String source, Exception error) {
        CustomerSnapshot customer = found != null ? found : CustomerSnapshot.unknown(draft.request().requesterEmail(), "crm_unavailable");
        return draft.withCustomer(customer, event(customer, source, error));
    }

    private TicketEvent event(CustomerSnapshot customer, String source, Exception error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lookup", customer.lookup());
        details.put("customer_tier", customer.tier().code());
        String from = FROM_CACHE.equals(source) ? " (cached answer)" : COALESCED.equals(source) ? " (answer shared with a concurrent lookup)" : "";
        if (source != null) {
            details.put("source", source);
        }
        String reason = switch (customer.lookup()) {
            case "found" -> "CRM contact " + customer.crmContactId() + " at " + customer.accountName() + ": customer tier " + customer.tier().code()
                    + accountFacts(customer) + from;
            case "not_found" -> "no CRM contact for " + customer.email() + ": new customer, tier unknown" + from;
            case "crm_disabled" -> "CRM lookup is turned off: customer tier unknown";
            default -> "CRM did not answer (" + (error == null ? "no answer" : errors.classify(error).describe())
                    + "): customer tier unknown, flagged for re-enrichment";
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
}
