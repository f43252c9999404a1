package io.supporthub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox mail server's verdict, for mail sent by an ordinary SMTP client with the envelope sender it chooses. */
class ReceivingServerVerdictTest {

    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        server.getUserManager().setMessageDeliveryHandler(new ReceivingServerVerdict(server.getUserManager().getMessageDeliveryHandler()));
        server.setUser("support@sandbox.local", "support@sandbox.local", "support");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void a_mail_whose_envelope_sender_is_its_from_passes() throws Exception {
        MimeMessage received = send("ava@acme.example", "Ava Martin <ava@acme.example>", null);

        String results = received.getHeader("Authentication-Results", null);
        assertThat(results).startsWith("mail.sandbox.local;").contains("spf=pass").contains("smtp.mailfrom=ava@acme.example")
                .contains("dmarc=pass").contains("header.from=acme.example");
        assertThat(firstHeaderName(received)).isEqualTo("Authentication-Results");
    }

    @Test
    void a_forger_with_his_own_envelope_sender_fails_dmarc() throws Exception {
        MimeMessage received = send("mallory@attacker.example", "ava@acme.example", null);

        assertThat(received.getHeader("Authentication-Results", null)).contains("spf=pass").contains("smtp.mailfrom=mallory@attacker.example")
                .contains("dmarc=fail").contains("header.from=acme.example");
    }

    @Test
    void a_subdomain_of_the_from_domain_aligns() throws Exception {
        MimeMessage received = send("bounces@mail.acme.example", "ava@acme.example", null);

        assertThat(received.getHeader("Authentication-Results", null)).contains("dmarc=pass");
    }

    @Test
    void a_verdict_the_sender_wrote_under_our_authserv_id_is_removed_and_one_under_another_id_kept() throws Exception {
        MimeMessage received = send("mallory@attacker.example", "ava@acme.example",
                "Authentication-Results: mail.sandbox.local;\r\n\tdmarc=pass header.from=acme.example\r\n"
                        + "Authentication-Results: mx.attacker.example; dmarc=pass header.from=acme.example\r\n");

        String[] results = received.getHeader("Authentication-Results");
        assertThat(results).hasSize(2);
        assertThat(results[0]).startsWith("mail.sandbox.local;").contains("dmarc=fail");
        assertThat(results[1]).startsWith("mx.attacker.example;");
    }

    @Test
    void the_verdict_is_stamped_once_for_a_mail_to_several_recipients() throws Exception {
        server.setUser("billing@sandbox.local", "billing@sandbox.local", "billing");
        Properties props = smtpProperties("erin@globex.example");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom("erin@globex.example");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@sandbox.local, billing@sandbox.local");
        message.setSubject("Two mailboxes");
        message.setText("One mail, two recipients.");
        Transport.send(message);
        assertThat(server.waitForIncomingEmail(5000, 2)).isTrue();

        for (MimeMessage received : server.getReceivedMessages()) {
            assertThat(received.getHeader("Authentication-Results")).hasSize(1);
        }
    }

    @Test
    void a_mail_without_envelope_sender_or_from_says_so() {
        assertThat(ReceivingServerVerdict.verdict("", "ava@acme.example")).contains("spf=none").contains("dmarc=fail");
        assertThat(ReceivingServerVerdict.verdict("ava@acme.example", null)).contains("dmarc=permerror");
        assertThat(ReceivingServerVerdict.verdict("ava@acme.example", "ava@acme.example, bob@acme.example")).contains("dmarc=permerror");
    }

    /** Sends over SMTP with the given envelope sender ({@code MAIL FROM}) and From header, and the raw extra headers. */
    private MimeMessage send(String envelopeSender, String from, String extraHeaders) throws Exception {
        String raw = (extraHeaders == null ? "" : extraHeaders) + "From: " + from + "\r\nTo: support@sandbox.local\r\n"
                + "Subject: Our production system is down\r\nMessage-ID: <m" + System.nanoTime() + "@client.example>\r\n\r\nPlease help.\r\n";
        Session session = Session.getInstance(smtpProperties(envelopeSender));
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Transport.send(message);
        assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
        return server.getReceivedMessages()[0];
    }

    private Properties smtpProperties(String envelopeSender) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(server.getSmtp().getPort()));
        props.put("mail.smtp.from", envelopeSender);
        return props;
    }

    private static String firstHeaderName(MimeMessage message) throws Exception {
        return ((jakarta.mail.Header) message.getAllHeaders().nextElement()).getName();
    }
}
