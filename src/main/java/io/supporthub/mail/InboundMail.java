package io.supporthub.mail;

import io.supporthub.mail.filter.MailDecision;
import io.supporthub.mail.mime.ParsedMail;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.MailReceipt;

/** A received mail, read and judged by the intake filters: what it is, how to recognise it again, and what to do with it. */
public record InboundMail(ParsedMail parsed, MailReceipt receipt, MailDecision decision) {

    public boolean accepted() {
        return decision.accepted();
    }

    /** The ticket request of an accepted mail; a mail without a readable sender cannot become one. */
    public IntakeRequest toIntakeRequest() {
        if (parsed.sender() == null) {
            throw new UnreadableMailException("mail has no readable From address", null);
        }
        return new IntakeRequest(Channel.EMAIL, parsed.sender().address(), parsed.sender().displayName(), parsed.subject(),
                parsed.textBody().strip(), receipt);
    }
}
