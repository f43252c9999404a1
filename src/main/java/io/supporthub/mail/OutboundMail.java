package io.supporthub.mail;

import java.util.Map;

/** A mail ready to hand to SMTP: recipient, subject, text and the headers that make threading and loop-prevention work. */
public record OutboundMail(String to, String subject, String text, Map<String, String> headers) {

    public OutboundMail {
        headers = Map.copyOf(headers);
    }
}
