package io.supporthub.app.flow;

import io.supporthub.connector.salesforce.SalesforceCrmEnrichment;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.TicketDraft;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/**
 * The CRM enrichment routes' steps (bean {@code crmEnrichment}, routes/enrich-crm.camel.yaml) and the enrich EIP's
 * aggregation strategy: they own the exchange side (the requester's e-mail, where an answer came from, the customer
 * whose open Cases are being counted); the work is {@link SalesforceCrmEnrichment}'s.
 */
public class CrmEnrichmentStep implements AggregationStrategy {

    private final SalesforceCrmEnrichment crm;

    public CrmEnrichmentStep(SalesforceCrmEnrichment crm) {
        this.crm = crm;
    }

    /** Sets the header the lookup reads: the requester's e-mail, or none (no lookup) for a request without one. */
    public void requesterHeader(TicketDraft draft, @Headers Map<String, Object> headers) {
        String email = draft.request().requesterEmail();
        if (email == null) {
            headers.remove(HeaderNames.REQUESTER_EMAIL);
        } else {
            headers.put(HeaderNames.REQUESTER_EMAIL, email);
        }
    }

    /** A recent answer, or null when this exchange asks the CRM itself; where it came from goes in header {@code hubCrmSource}. */
    public CustomerSnapshot cached(@Header(HeaderNames.REQUESTER_EMAIL) String email, @Headers Map<String, Object> headers) {
        SalesforceCrmEnrichment.Recent recent = crm.recent(email);
        headers.put(HeaderNames.CRM_SOURCE, recent.source());
        return recent.customer();
    }

    public String soql(@Header(HeaderNames.REQUESTER_EMAIL) String email) {
        return crm.soql(email);
    }

    public CustomerSnapshot remember(CustomerSnapshot answer, @Header(HeaderNames.REQUESTER_EMAIL) String email) {
        return crm.remember(answer, email);
    }

    public CustomerSnapshot read(String queryResult, @Header(HeaderNames.REQUESTER_EMAIL) String email) {
        return crm.read(queryResult, email);
    }

    public boolean countsOpenCases(CustomerSnapshot customer) {
        return crm.countsOpenCases(customer);
    }

    public String openCasesSoql(CustomerSnapshot customer) {
        return crm.openCasesSoql(customer);
    }

    public CustomerSnapshot withOpenCases(String countResult, @ExchangeProperty(PropertyNames.CRM_CUSTOMER) CustomerSnapshot customer) {
        return crm.withOpenCases(countResult, customer);
    }

    /** The crm-open-cases-errors policy's step: the customer goes on without the count. */
    public CustomerSnapshot withoutOpenCases(@ExchangeProperty(PropertyNames.CRM_CUSTOMER) CustomerSnapshot customer,
                                             @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        return crm.withoutOpenCases(customer, error);
    }

    /** The circuit breaker's fallback: customer 'unknown', re-enriched later. */
    public CustomerSnapshot unavailable(@Header(HeaderNames.REQUESTER_EMAIL) String email,
                                        @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error) {
        return crm.unavailable(email, error);
    }

    public CustomerSnapshot disabled(@Header(HeaderNames.REQUESTER_EMAIL) String email) {
        return crm.disabled(email);
    }

    @Override
    public Exchange aggregate(Exchange original, Exchange resource) {
        TicketDraft draft = original.getMessage().getBody(TicketDraft.class);
        CustomerSnapshot customer = resource == null ? null : resource.getMessage().getBody(CustomerSnapshot.class);
        String source = resource == null ? null : resource.getMessage().getHeader(HeaderNames.CRM_SOURCE, String.class);
        Exception error = resource == null ? null : resource.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        original.getMessage().setBody(crm.enriched(draft, customer, source, error));
        original.getMessage().removeHeader(HeaderNames.CRM_SOURCE);
        return original;
    }
}
