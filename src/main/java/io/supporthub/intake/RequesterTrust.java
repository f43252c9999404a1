package io.supporthub.intake;

import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.SourceMessage;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a request whose sender its channel could not authenticate may have of the CRM's answer: nothing. Anyone can write
 * a customer's address into a From header, so such a ticket gets no CRM tier (and with it no VIP or enterprise routing,
 * SLA or managers' notice); when the CRM does know the address, the ticket is flagged for an agent to review. It runs
 * right after the CRM lookup (routes/pipeline.camel.yaml), before triage and the router read the tier.
 */
public class RequesterTrust {

    /** The review flag of a ticket whose unauthenticated mail claimed an address the CRM knows. */
    public static final String UNVERIFIED_SENDER = "unverified_sender";
    /** The customer lookup a restricted ticket records instead of the CRM's: never re-enriched later, either. */
    public static final String NOT_APPLIED = "sender_unverified";

    public TicketDraft apply(TicketDraft draft) {
        if (draft.request().source().senderTrusted()) {
            return draft;
        }
        SourceMessage message = draft.request().source().message();
        CustomerSnapshot crm = draft.customerOrUnknown();
        String claimed = draft.request().requesterEmail();
        boolean known = "found".equals(crm.lookup());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sender_auth", String.valueOf(message.senderAuthentication()));
        payload.put("crm_lookup", crm.lookup());
        String reason;
        if (known) {
            payload.put("crm_tier", crm.tier().code());
            reason = "the CRM knows " + claimed + " (tier " + crm.tier().code() + (crm.accountName() == null ? "" : " at " + crm.accountName())
                    + "), but this mail's sender is not authenticated: no CRM tier applies and the ticket is flagged for review";
        } else {
            reason = "this mail's sender is not authenticated: no CRM tier applies (lookup " + crm.lookup() + ")";
        }
        // No e-mail on the snapshot: the ticket is not tied to the CRM's customer row, and the mail's display name cannot rename it.
        TicketDraft restricted = draft.withCustomer(CustomerSnapshot.unknown(null, NOT_APPLIED),
                TicketEvent.of("customer_not_applied", "sender-authentication", reason, payload));
        if (!known) {
            return restricted;
        }
        return restricted.withEvent(TicketEvent.of(TicketDraft.FLAGGED_FOR_REVIEW, "sender-authentication", "unauthenticated mail claims "
                + claimed + ", an address the CRM knows: review before believing it", Map.of("flag", UNVERIFIED_SENDER)));
    }
}
