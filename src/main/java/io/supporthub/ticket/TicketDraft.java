package io.supporthub.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /** The timeline event that flags a new ticket for an agent's review; its payload's {@code flag} says why. */
    public static final String FLAGGED_FOR_REVIEW = "flagged_for_review";

    public TicketDraft {
        events = List.copyOf(events);
    }

    /** A new draft whose timeline starts with where it was received, and which records in other systems its source names. */
    public static TicketDraft of(IntakeRequest request) {
        TicketSource source = request.source();
        Map<String, Object> payload = new LinkedHashMap<>();
        if (source.messageKey() != null) {
            payload.put("message_key", source.messageKey());
        }
        String reason = "received from " + source.via();
        List<ExternalRef> records = source.records();
        if (!records.isEmpty()) {
            // the links themselves are written with the ticket; a record linked elsewhere gets an event of its own then
            List<String> labels = records.stream().map(ExternalRef::label).toList();
            payload.put("external_records", labels);
            reason += ", naming " + String.join(", ", labels);
        }
        return new TicketDraft(request, null, null, null, List.of(TicketEvent.of("received", "intake-" + request.channel().code(), reason,
                payload)));
    }

    /** The note threading leaves when a signal pointed at a ticket this request could not join, if it did. */
    public Optional<TicketEvent> threadingNote() {
        return events.stream().filter(e -> e.type().equals(THREADING_NOTE)).findFirst();
    }

    /** The draft with one more event on its timeline. */
    public TicketDraft withEvent(TicketEvent event) {
        return new TicketDraft(request, customer, classification, routing, append(event));
    }

    /** The flag an agent filters on when the ticket must be reviewed before it is believed (e.g. unverified_sender), if any. */
    public Optional<String> reviewFlag() {
        return events.stream().filter(e -> e.type().equals(FLAGGED_FOR_REVIEW)).findFirst().map(e -> String.valueOf(e.payload().get("flag")));
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
