package io.supporthub.mail;

import io.supporthub.mail.filter.MailDecision;
import io.supporthub.mail.mime.MailAddress;
import io.supporthub.mail.mime.ParsedMail;
import io.supporthub.mail.threading.ForeignNumber;
import io.supporthub.mail.threading.ForeignNumbers;
import io.supporthub.mail.auth.SenderVerdict;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketSource;
import io.supporthub.ticket.TicketContent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A received mail, read, judged by the intake filters and its sender authenticated: what it is, who it is from, how to recognise it again, and what to do with it. */
public record InboundMail(ParsedMail parsed, MailReceipt receipt, MailDecision decision) {

    /** The timeline event type of {@link #senderEvent()}. */
    public static final String SENDER_AUTHENTICATION = "sender_authentication";

    public boolean accepted() {
        return decision.accepted();
    }

    /** The ticket request of an accepted mail; a mail without a readable sender cannot become one. */
    public IntakeRequest toIntakeRequest() {
        if (parsed.sender() == null) {
            throw new UnreadableMailException("mail has no readable From address", null);
        }
        return new IntakeRequest(source(), parsed.sender().address(), parsed.sender().displayName(), parsed.subject(),
                parsed.textBody().strip(), otherRecipients(), content());
    }

    /** The mail as a ticket's source: this receipt, and the other helpdesks' tickets its subject names by their system's word. */
    public TicketSource source() {
        return TicketSource.message(receipt, "mailbox " + receipt.mailbox(),
                ForeignNumbers.named(parsed.subject()).stream().map(ForeignNumber::toRef).toList());
    }

    /** The event on a new ticket's timeline that says who its mail is from, as far as authentication shows; none for a mail judged nowhere. */
    public Optional<TicketEvent> senderEvent() {
        SenderVerdict sender = receipt.sender();
        if (sender == null) {
            return Optional.empty();
        }
        String from = parsed.sender() == null ? "(no From address)" : parsed.sender().address();
        return Optional.of(TicketEvent.of(SENDER_AUTHENTICATION, "mail-authentication", "sender " + from + ": " + sender.describe(), Map.of("result", sender.code(), "method", sender.method(), "trusted", sender.trusted())));
    }

    /** The HTML and files the mail carries, for the ticket or comment it becomes. */
    public TicketContent content() {
        return CarriedFiles.of(parsed);
    }

    /** To and Cc without the support address and the sender: the people whose replies may join the ticket. */
    List<String> otherRecipients() {
        Set<String> others = new LinkedHashSet<>();
        String self = parsed.sender().address() == null ? "" : parsed.sender().address().toLowerCase(Locale.ROOT);
        for (List<MailAddress> list : List.of(parsed.to(), parsed.cc())) {
            for (MailAddress address : list) {
                String a = address.address() == null ? "" : address.address().strip().toLowerCase(Locale.ROOT);
                if (a.contains("@") && !a.equals(self) && !a.equalsIgnoreCase(receipt.mailbox())) {
                    others.add(a);
                }
            }
        }
        return List.copyOf(others);
    }
}
