package io.supporthub.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    final ZendeskSimulator zendesk;
    final String jdbcUrl;

    SandboxServices(SandboxPorts ports, String externalJdbcUrl) throws IOException {
        try {
            jdbcUrl = externalJdbcUrl != null && !externalJdbcUrl.isBlank() ? externalJdbcUrl : startPostgres();
            mail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(ports.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(ports.imap(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            mail.start();
            started.push(mail::stop);
            // every accepted mail carries the verdict a receiving server records (SPF, DMARC alignment)
            mail.getUserManager().setMessageDeliveryHandler(new ReceivingServerVerdict(mail.getUserManager().getMessageDeliveryHandler()));
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
            zendesk = new ZendeskSimulator(ports.zendesk(), "http://127.0.0.1:" + ports.http() + "/webhooks/zendesk");
            zendesk.start();
            started.push(zendesk);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Without zonky's own shutdown hook, and stopped by the watchdog rather than by zonky: the JVM runs every shutdown hook
     * at once, so that hook stopped the database while the hub was still committing, and zonky's own stop (a fast
     * shutdown with its checkpoint, then a directory walk) took seconds of the stop's bound. The watchdog stops it
     * (immediate shutdown: the data is thrown away anyway) and removes its directory, after the hub has stopped or when
     * the JVM dies.
     */
    private String startPostgres() throws IOException {
        Path data = Files.createTempDirectory("support-hub-sandbox-pg-");
        // watching before the start, so a JVM killed while PostgreSQL starts leaves none behind either
        started.push(PostgresWatchdog.watch(data));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                // a demo database, thrown away at the stop: nothing to make durable
                .setServerConfig("fsync", "off").setRegisterShutdownHook(false).start();
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
