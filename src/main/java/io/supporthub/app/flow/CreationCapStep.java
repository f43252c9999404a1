package io.supporthub.app.flow;

import io.supporthub.intake.CreationAdmissions;
import io.supporthub.intake.CreationAdmissions.Admission;
import io.supporthub.mail.InboundMail;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ExchangeProperty;

/**
 * The mailbox route's creation-cap steps: a mail about to open a ticket is admitted under the
 * per-sender cap, or held in quarantine with its decision record; a released mail passes the cap.
 */
public class CreationCapStep {

    /** The policy name a held mail carries in quarantine and in its decision record. */
    public static final String HELD_BY = "creation-cap";

    private final CreationAdmissions admissions;
    private final MailQuarantine quarantine;

    public CreationCapStep(CreationAdmissions admissions, MailQuarantine quarantine) {
        this.admissions = admissions;
        this.quarantine = quarantine;
    }

    /** @param releasedFrom the quarantine entry being released (replay of a held mail), else null */
    public Admission admit(InboundMail mail, @ExchangeProperty("hubReleaseHeld") Long releasedFrom) {
        if (releasedFrom != null) {
            return new Admission(true, "released from quarantine #" + releasedFrom + ", so the creation cap does not apply");
        }
        return admissions.admit(mail.parsed().sender() == null ? null : mail.parsed().sender().address(), mail.receipt().messageKey());
    }

    public boolean held(@ExchangeProperty("hubAdmission") Admission admission) {
        return admission != null && !admission.admitted();
    }

    /** Holds the mail with its decision record; the body becomes a line for the log. */
    public String hold(InboundMail mail, @ExchangeProperty("hubRawMail") byte[] raw, @ExchangeProperty("hubAdmission") Admission admission) {
        Optional<Long> id = quarantine.hold(mail.receipt(), raw, HELD_BY, admission.reason());
        return id.map(q -> "held as quarantine #" + q + " (release with POST /api/v1/mail/quarantine/" + q + "/replay): " + admission.reason())
                .orElse("recorded before; nothing to do");
    }

    /** A released mail's new ticket says on its timeline that it was held and let through. */
    public TicketDraft noteRelease(TicketDraft draft, @ExchangeProperty("hubReleaseHeld") Long releasedFrom) {
        if (releasedFrom == null) {
            return draft;
        }
        List<TicketEvent> events = new ArrayList<>(draft.events());
        events.add(TicketEvent.of("mail_released", HELD_BY, "held by the per-sender creation cap, released from quarantine #" + releasedFrom,
                Map.of("quarantine_id", releasedFrom)));
        return new TicketDraft(draft.request(), draft.customer(), draft.classification(), draft.routing(), events);
    }
}
