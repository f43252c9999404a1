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
        Object hint = headers.get("hubCategoryHint");
        TriageResult result = triage.classify(draft.request(), draft.customerOrUnknown(), hint == null ? null : hint.toString());
        headers.put("hubCategory", result.classification().category());
        headers.put("hubPriority", result.classification().priority().name());
        headers.put("hubCustomerTier", draft.customerOrUnknown().tier().code());
        headers.put("hubEmergency", result.emergency());
        headers.put("hubRefundOverLimit", result.refundOverLimit());
        headers.put("hubComplexTechnical", result.complexTechnical());
        return draft.withClassification(result.classification(), result.reasons());
    }
}
