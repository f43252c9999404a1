package io.supporthub.sandbox;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * What a receiving mail server records about each mail it accepts, done by the sandbox's mail server: an
 * {@code Authentication-Results} header (RFC 8601) under {@value #AUTHSERV_ID} with SPF for the envelope sender and
 * DMARC alignment of the From domain with it, on top of the mail (above the {@code Received} header the server adds). The sandbox listens on loopback only,
 * and every domain's host is loopback there, so SPF passes for any envelope domain; alignment is what tells a
 * customer's own mail ({@code MAIL FROM} and {@code From} in one domain) from a forgery ({@code MAIL FROM} of
 * another). A header naming {@value #AUTHSERV_ID} that the sender wrote is removed first, as RFC 8601 §5 asks of a
 * receiving server, so a forger cannot vouch for himself.
 */
final class ReceivingServerVerdict implements MessageDeliveryHandler {

    /** The sandbox mail server's authserv-id; the sandbox's hub trusts its verdicts and no one else's. */
    static final String AUTHSERV_ID = "mail.sandbox.local";

    private static final Pattern OWN_RESULTS = Pattern.compile("(?is)^authentication-results:\\s*" + Pattern.quote(AUTHSERV_ID) + "\\b.*");

    private final MessageDeliveryHandler delivery;
    /** The server hands a mail to each of its recipients in turn: it is stamped at the first. */
    private final Set<MovingMessage> stamped = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    ReceivingServerVerdict(MessageDeliveryHandler delivery) {
        this.delivery = delivery;
    }

    @Override
    public GreenMailUser handle(MovingMessage mail, MailAddress recipient) throws MessagingException, UserException {
        if (stamped.add(mail)) {
            stamp(mail);
        }
        return delivery.handle(mail, recipient);
    }

    private void stamp(MovingMessage mail) throws MessagingException {
        String envelopeSender = mail.getReturnPath() == null ? "" : mail.getReturnPath().getEmail();
        String verdict = verdict(envelopeSender, mail.getMessage().getHeader("From", ","));
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(original);
        } catch (IOException e) {
            throw new MessagingException("the mail could not be read back for its verdict", e);
        }
        byte[] stampedMail = stampedBytes(original.toByteArray(), "Authentication-Results: " + verdict + "\r\n");
        mail.setMimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(stampedMail)));
    }

    /**
     * The header's value: SPF for the envelope sender, DMARC for the From domain's alignment with it (relaxed: the same
     * organisational domain, taken here as the last two labels, which the sandbox's example domains are).
     */
    static String verdict(String envelopeSender, String fromHeader) {
        String envelopeDomain = domainOf(envelopeSender);
        StringBuilder v = new StringBuilder(AUTHSERV_ID).append(";\r\n\t");
        if (envelopeDomain == null) {
            v.append("spf=none (no envelope sender) smtp.mailfrom=<>");
        } else {
            v.append("spf=pass (sandbox: 127.0.0.1 is the sender's own host) smtp.mailfrom=").append(envelopeSender.toLowerCase(Locale.ROOT));
        }
        v.append(";\r\n\t");
        String fromDomain = fromDomain(fromHeader);
        if (fromDomain == null) {
            v.append("dmarc=permerror (no single From address)");
        } else if (envelopeDomain != null && organisational(fromDomain).equals(organisational(envelopeDomain))) {
            v.append("dmarc=pass (p=reject; SPF aligned with ").append(envelopeDomain).append(") header.from=").append(fromDomain);
        } else {
            v.append("dmarc=fail (p=reject; From domain not aligned with envelope sender ")
                    .append(envelopeDomain == null ? "<>" : envelopeDomain).append(") header.from=").append(fromDomain);
        }
        return v.toString();
    }

    /** The mail with any verdict the sender wrote under our authserv-id removed, and {@code headers} on top. */
    static byte[] stampedBytes(byte[] mail, String headers) {
        String text = new String(mail, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        int headerEnd = end < 0 ? text.length() : end + 2;
        StringBuilder kept = new StringBuilder(headers);
        // one header with its folded continuation lines at a time
        for (String field : text.substring(0, headerEnd).split("\r\n(?![ \t])")) {
            if (!field.isEmpty() && !OWN_RESULTS.matcher(field).matches()) {
                kept.append(field).append("\r\n");
            }
        }
        kept.append(text.substring(headerEnd));
        return kept.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String fromDomain(String fromHeader) {
        if (fromHeader == null) {
            return null;
        }
        try {
            InternetAddress[] from = InternetAddress.parseHeader(fromHeader, false);
            return from.length == 1 ? domainOf(from[0].getAddress()) : null;
        } catch (AddressException e) {
            return null;
        }
    }

    private static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String organisational(String domain) {
        String[] labels = domain.split("\\.");
        return labels.length <= 2 ? domain : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
