package io.supporthub.testing;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Plain-text mails with a Message-ID of the test's choosing, ready for Transport.send to a local SMTP port. They arrive
 * authenticated the way real mail does: stamped on top with the Authentication-Results of the receiving server the test
 * hubs trust ({@link #RECEIVING_SERVER}, see {@link HubUnderTest#mailbox}), saying DMARC passed for the From domain.
 */
public final class TestMails {

    /** The authserv-id of the receiving mail server in tests; HubUnderTest's mailbox trusts its results. */
    public static final String RECEIVING_SERVER = "mx.hub.test";

    private TestMails() {
    }

    /** A mail the receiving server authenticated: DMARC passed for its From domain. */
    public static MimeMessage text(int smtpPort, String from, String to, String messageId, String subject, String text) throws MessagingException {
        return stamped(smtpPort, stamp(from), from, to, messageId, subject, text);
    }

    /**
     * A mail with the given Authentication-Results value stamped on top (as the receiving server writes it), or with none when
     * {@code authenticationResults} is null.
     */
    public static MimeMessage stamped(int smtpPort, String authenticationResults, String from, String to, String messageId, String subject,
                                      String text) throws MessagingException {
        Session session = session(smtpPort);
        MimeMessage message = new FixedId(session, messageId);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text, "UTF-8");
        if (authenticationResults == null) {
            return message;
        }
        // jakarta.mail files a header it does not know below From and Subject, where no receiving server's stamp can be;
        // the stamp is put on top of the written mail instead
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try {
            message.saveChanges();
            message.writeTo(written);
        } catch (IOException e) {
            throw new MessagingException("writing a test mail failed", e);
        }
        byte[] stampedBytes = ("Authentication-Results: " + authenticationResults + "\r\n" + written.toString(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return new FixedId(session, messageId, stampedBytes);
    }

    /**
     * Sends a raw RFC 822 mail over SMTP byte for byte (header order, folding and body as written), as a DKIM-signed
     * mail must travel: {@code Transport.send} would save the message first and rewrite what was signed.
     */
    public static void sendRaw(int smtpPort, String to, String rfc822) throws MessagingException {
        Session session = session(smtpPort);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(rfc822.replace("\r\n", "\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(to)});
        }
    }

    /** The automatic mails (acknowledgements, follow-ups) the hub sent to an address, as the test's mail server received them. */
    public static List<MimeMessage> acknowledgementsTo(GreenMailOperations mail, String address) throws MessagingException {
        List<MimeMessage> acknowledgements = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1))) {
            if (m.getAllRecipients()[0].toString().equals(address) && m.getHeader("Auto-Submitted", null) != null) {
                acknowledgements.add(m);
            }
        }
        return acknowledgements;
    }

    /** The value the receiving server stamps on a mail whose From domain passed DMARC. */
    public static String stamp(String from) {
        return RECEIVING_SERVER + "; spf=pass smtp.mailfrom=" + from + "; dmarc=pass header.from=" + domainOf(from);
    }

    /** The same as a header line, for tests that write their mail as raw RFC 822 text. */
    public static String stampLine(String from) {
        return "Authentication-Results: " + stamp(from) + "\r\n";
    }

    private static String domainOf(String address) {
        String bare = address.replaceAll(".*<|>.*", "").strip();
        return bare.substring(bare.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static Session session(int smtpPort) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        return Session.getInstance(props);
    }

    /** Keeps the Message-ID the test chose through every save: a redelivery test needs the same id twice. */
    private static final class FixedId extends MimeMessage {

        private final String messageId;

        FixedId(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        FixedId(Session session, String messageId, byte[] raw) throws MessagingException {
            super(session, new ByteArrayInputStream(raw));
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
