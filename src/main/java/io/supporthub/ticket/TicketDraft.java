package io.supporthub.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ticket on its way through the pipeline: the request plus what each step added, and the
 * timeline events that explain each decision. Immutable; every step returns a new draft.
 */
public record TicketDraft(IntakeRequest request, CustomerSnapshot customer, Classification classification, Routing routing,
                          List<TicketEvent> events) {

    /** The timeline event threading adds to a draft when a signal pointed at a ticket the request could not join. */
    public static final String THREADING_NOTE = "threading_note";

    public TicketDraft {
        events = List.copyOf(events);
    }

    public static TicketDraft of(IntakeRequest request) {
        TicketSource source = request.source();
        return new TicketDraft(request, null, null, null, List.of(TicketEvent.of("received", "intake-" + request.channel().code(),
                "received from " + source.via(), source.messageKey() == null ? Map.of() : Map.of("message_key", source.messageKey()))));
    }

    /** The note threading leaves when a signal pointed at a ticket this request could not join, if it did. */
    public Optional<TicketEvent> threadingNote() {
        return events.stream().filter(e -> e.type().equals(THREADING_NOTE)).findFirst();
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
