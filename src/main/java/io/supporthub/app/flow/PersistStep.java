package io.supporthub.app.flow;

import io.supporthub.intake.IntakeOutcome;
import io.supporthub.intake.TicketIntake;
import io.supporthub.ticket.TicketDraft;
import java.util.List;
import java.util.Map;
import org.apache.camel.Headers;

/** Persists a routed draft; the body becomes the ids of the notifications to send after commit. */
public class PersistStep {

    private final TicketIntake intake;

    public PersistStep(TicketIntake intake) {
        this.intake = intake;
    }

    public List<Long> persist(TicketDraft draft, @Headers Map<String, Object> headers) {
        IntakeOutcome outcome = intake.create(draft);
        headers.put(HeaderNames.OUTCOME, outcome.created() ? "created" : "duplicate");
        if (outcome.created()) {
            headers.put(HeaderNames.TICKET_KEY, outcome.ticket().key());
        }
        return outcome.notificationIds();
    }
}
