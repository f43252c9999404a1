package io.supporthub.triage;

import io.supporthub.ticket.Classification;
import io.supporthub.ticket.TicketEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * What triage decided, the flags the content-based router reads, and the reasons for the timeline.
 *
 * @param refundAmount the largest refund amount found in the text, or null
 */
public record TriageResult(Classification classification, boolean emergency, boolean refundOverLimit, boolean complexTechnical,
                           BigDecimal refundAmount, String refundCurrency, List<TicketEvent> reasons) {
}
