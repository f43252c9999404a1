package io.supporthub.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The acknowledgement a customer receives for a new ticket. It carries the ticket key in the
 * subject (so replies thread), our own Message-ID domain, and {@code Auto-Submitted: auto-replied}
 * (RFC 3834) so other auto-responders do not answer it.
 */
public class AcknowledgementMail {

    /** Header our own outbound mail carries, so it is recognised if it ever comes back. */
    public static final String TICKET_HEADER = "X-SupportHub-Ticket";

    private final String messageIdDomain;
    private final String fromName;

    public AcknowledgementMail(String messageIdDomain, String fromName) {
        this.messageIdDomain = messageIdDomain;
        this.fromName = fromName;
    }

    /** Renders the mail from the facts stored with the notification. */
    public OutboundMail render(String to, Map<String, Object> facts) {
        String key = (String) facts.get("ticket_key");
        String subject = (String) facts.get("subject");
        String name = (String) facts.get("requester_name");
        String text = "Hello" + (name == null || name.isBlank() ? "" : " " + name) + ",\n\n"
                + "thank you for contacting us. We have received your request and opened ticket " + key + ".\n"
                + "Priority: " + facts.get("priority") + ". Our team will get back to you as soon as possible.\n\n"
                + "To add information, reply to this mail and keep [" + key + "] in the subject.\n\n"
                + "— " + fromName + "\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", "<ack." + key + "." + UUID.randomUUID() + "@" + messageIdDomain + ">");
        headers.put("Auto-Submitted", "auto-replied");
        headers.put("X-Auto-Response-Suppress", "All");
        headers.put(TICKET_HEADER, key);
        Object inReplyTo = facts.get("in_reply_to");
        if (inReplyTo != null) {
            headers.put("In-Reply-To", inReplyTo.toString());
            headers.put("References", inReplyTo.toString());
        }
        return new OutboundMail(to, "[" + key + "] Re: " + subject, text, headers);
    }
}
