package io.supporthub.app.flow;

import io.supporthub.intake.CustomerReEnrichment;
import io.supporthub.intake.ReEnrichmentJob;
import io.supporthub.ticket.TicketDraft;
import java.time.Duration;
import io.supporthub.mailbox.MailboxSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Headers;
import org.apache.camel.ExchangeProperty;

/** The re-enrichment route's steps: claim due tickets, rebuild their draft, and store the outcome. */
public class ReEnrichmentStep {

    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final CustomerReEnrichment reEnrichment;
    private final Function<Long, Optional<MailboxSettings>> mailboxOfTicket;

    /** @param mailboxOfTicket the configured mailbox whose mail opened a ticket: its defaults apply again when the ticket is routed again */
    public ReEnrichmentStep(CustomerReEnrichment reEnrichment, Function<Long, Optional<MailboxSettings>> mailboxOfTicket) {
        this.reEnrichment = reEnrichment;
        this.mailboxOfTicket = mailboxOfTicket;
    }

    public List<ReEnrichmentJob> due() {
        return reEnrichment.claimDue(BATCH, CLAIM);
    }

    /** The ticket's draft again; a ticket a mailbox opened gets that mailbox's defaults as headers, as on intake. */
    public TicketDraft draft(ReEnrichmentJob job, @Headers Map<String, Object> headers) {
        mailboxOfTicket.apply(job.ticketId()).ifPresent(mailbox -> MailPreparationStep.putMailboxDefaults(mailbox, headers));
        return TicketDraft.of(job.asRequest());
    }

    public boolean stillUnavailable(TicketDraft draft) {
        return draft.customerOrUnknown().needsReEnrichment();
    }

    public void postpone(@ExchangeProperty(PropertyNames.RE_ENRICHMENT_JOB) ReEnrichmentJob job) {
        reEnrichment.postpone(job);
    }

    public boolean apply(TicketDraft draft, @ExchangeProperty(PropertyNames.RE_ENRICHMENT_JOB) ReEnrichmentJob job) {
        return reEnrichment.apply(job, draft);
    }
}
