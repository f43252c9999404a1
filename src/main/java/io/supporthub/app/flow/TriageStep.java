package io.supporthub.app.flow;

import io.supporthub.ticket.TicketDraft;
import io.supporthub.triage.Triage;
import io.supporthub.triage.TriageResult;
import java.util.Map;
import org.apache.camel.Headers;

/** Classifies a draft and sets the headers the content-based router in pipeline.camel.yaml reads. */
public class TriageStep {

    private final Triage triage;

    public TriageStep(Triage triage) {
        this.triage = triage;
    }

    public TicketDraft classify(TicketDraft draft, @Headers Map<String, Object> headers) {
        // a mailbox's category hint (set by the mail intake; absent for other channels)
        Object hint = headers.get(HeaderNames.CATEGORY_HINT);
        TriageResult result = triage.classify(draft.request(), draft.customerOrUnknown(), hint == null ? null : hint.toString());
        headers.put(HeaderNames.CATEGORY, result.classification().category());
        headers.put(HeaderNames.PRIORITY, result.classification().priority().name());
        headers.put(HeaderNames.CUSTOMER_TIER, draft.customerOrUnknown().tier().code());
        headers.put(HeaderNames.EMERGENCY, result.emergency());
        headers.put(HeaderNames.REFUND_OVER_LIMIT, result.refundOverLimit());
        headers.put(HeaderNames.COMPLEX_TECHNICAL, result.complexTechnical());
        return draft.withClassification(result.classification(), result.reasons());
    }
}
