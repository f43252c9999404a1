package io.supporthub.mail;

import io.supporthub.ticket.Channel;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.MailReceipt;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/** Turns a received mail's raw bytes into a ticket request: sender, subject, readable text. */
public class InboundMailReader {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** Reads the mail; a mail whose sender or structure cannot be read raises {@link UnreadableMailException}. */
    public IntakeRequest read(String mailbox, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            InternetAddress from = sender(message);
            String messageId = message.getMessageID();
            String sha = RawMail.sha256(raw);
            String key = messageId != null && !messageId.isBlank() ? messageId.strip() : "sha256:" + sha;
            MailReceipt receipt = new MailReceipt(mailbox, key, messageId, sha, raw.length);
            return new IntakeRequest(Channel.EMAIL, from.getAddress(), from.getPersonal(), message.getSubject(), text(message), receipt);
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException("mail could not be parsed: " + e.getMessage(), e);
        }
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null) {
            throw new UnreadableMailException("mail has no readable From address", null);
        }
        return address;
    }

    /** The first text/plain part, else the first text/html part reduced to text. */
    static String text(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain.strip();
        }
        String html = find(part, "text/html");
        return html == null ? "" : HtmlText.toText(html);
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(mimeType)) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
