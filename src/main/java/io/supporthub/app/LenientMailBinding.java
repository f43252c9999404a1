package io.supporthub.app;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailBinding;
import org.apache.camel.component.mail.MailMessage;

/**
 * camel-mail's binding made safe for hostile mail: the body is always the untouched jakarta.mail
 * Message (the route copies its raw bytes; our own MIME reader parses them), and headers the server
 * cannot describe (a broken IMAP ENVELOPE, an unknown charset) no longer throw. The stock binding
 * throws on first header access, even inside the error handler, so such a mail was rolled back and
 * fetched again on every poll, forever, instead of reaching quarantine.
 */
public class LenientMailBinding extends MailBinding {

    /** Set instead of the mail's headers when they could not be read; the route reads the raw bytes anyway. */
    public static final String HEADER_ERROR = "hubMailHeaderError";

    /** What mapMailMessage=false promises, without the binding loading BODYSTRUCTURE first (which a broken mail fails). */
    @Override
    public Object extractBodyFromMail(Exchange exchange, MailMessage mailMessage) {
        return mailMessage.getMessage();
    }

    @Override
    protected Map<String, Object> extractHeadersFromMail(Message mailMessage, Exchange exchange) throws MessagingException, IOException {
        try {
            return super.extractHeadersFromMail(mailMessage, exchange);
        } catch (MessagingException | IOException | RuntimeException e) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(HEADER_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
            return headers;
        }
    }
}
