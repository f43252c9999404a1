package io.supporthub.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ticket on its way through the pipeline: the request plus what each step added, and the
 * timeline events that explain each decision. Immutable; every step returns a new draft.
 */
public record TicketDraft(IntakeRequest request, CustomerSnapshot customer, Classification classification, Routing routing,
                          List<TicketEvent> events) {

    public TicketDraft {
        events = List.copyOf(events);
    }

    public static TicketDraft of(IntakeRequest request) {
        String source = request.mail() != null ? "mailbox " + request.mail().mailbox() : request.channel().code();
        return new TicketDraft(request, null, null, null, List.of(TicketEvent.of("received", "intake-" + request.channel().code(),
                "received from " + source, request.mail() == null ? Map.of() : Map.of("message_key", request.mail().messageKey()))));
    }

    public TicketDraft withCustomer(CustomerSnapshot snapshot, TicketEvent event) {
        return new TicketDraft(request, snapshot, classification, routing, append(event));
    }

    public TicketDraft withClassification(Classification value, List<TicketEvent> reasons) {
        List<TicketEvent> all = new ArrayList<>(events);
        all.addAll(reasons);
        return new TicketDraft(request, customer, value, routing, all);
    }

    public TicketDraft withRouting(Routing value, TicketEvent event) {
        return new TicketDraft(request, customer, classification, value, append(event));
    }

    public CustomerSnapshot customerOrUnknown() {
        return customer != null ? customer : CustomerSnapshot.unknown(request.requesterEmail(), "not_looked_up");
    }

    private List<TicketEvent> append(TicketEvent event) {
        List<TicketEvent> all = new ArrayList<>(events);
        all.add(event);
        return all;
    }
}
