package io.supporthub.app.flow;

import io.supporthub.intake.CustomerReEnrichment;
import io.supporthub.intake.ReEnrichmentJob;
import io.supporthub.ticket.TicketDraft;
import java.time.Duration;
import java.util.List;
import org.apache.camel.ExchangeProperty;

/** The re-enrichment route's steps: claim due tickets, rebuild their draft, and store the outcome. */
public class ReEnrichmentStep {

    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final CustomerReEnrichment reEnrichment;

    public ReEnrichmentStep(CustomerReEnrichment reEnrichment) {
        this.reEnrichment = reEnrichment;
    }

    public List<ReEnrichmentJob> due() {
        return reEnrichment.claimDue(BATCH, CLAIM);
    }

    public TicketDraft draft(ReEnrichmentJob job) {
        return TicketDraft.of(job.asRequest());
    }

    public boolean stillUnavailable(TicketDraft draft) {
        return draft.customerOrUnknown().needsReEnrichment();
    }

    public void postpone(@ExchangeProperty("hubReEnrichmentJob") ReEnrichmentJob job) {
        reEnrichment.postpone(job);
    }

    public boolean apply(TicketDraft draft, @ExchangeProperty("hubReEnrichmentJob") ReEnrichmentJob job) {
        return reEnrichment.apply(job, draft);
    }
}
