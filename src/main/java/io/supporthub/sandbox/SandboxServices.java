package io.supporthub.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** The embedded services the sandbox runs beside the hub; closing stops them all, newest first. */
final class SandboxServices implements AutoCloseable {

    static final String SUPPORT_ADDRESS = "support@sandbox.local";
    static final String SUPPORT_PASSWORD = "support";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    final GreenMail mail;
    final SalesforceSimulator salesforce;
    final SlackSimulator slack;
    final String jdbcUrl;

    SandboxServices(SandboxPorts ports, String externalJdbcUrl) throws IOException {
        try {
            jdbcUrl = externalJdbcUrl != null && !externalJdbcUrl.isBlank() ? externalJdbcUrl : startPostgres();
            mail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(ports.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(ports.imap(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            mail.start();
            started.push(mail::stop);
            mail.setUser(SUPPORT_ADDRESS, SUPPORT_ADDRESS, SUPPORT_PASSWORD);
            for (SandboxCustomer customer : SandboxCustomer.SEEDED) {
                mail.setUser(customer.email(), customer.email(), SandboxCustomer.MAILBOX_PASSWORD);
            }
            salesforce = new SalesforceSimulator(ports.salesforce(), SandboxCustomer.SEEDED);
            salesforce.start();
            started.push(salesforce);
            slack = new SlackSimulator(ports.slack());
            slack.start();
            started.push(slack);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private String startPostgres() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        started.push(postgres);
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    int imapPort() {
        return mail.getImap().getPort();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("Sandbox service did not stop cleanly: " + e);
            }
        }
    }
}
