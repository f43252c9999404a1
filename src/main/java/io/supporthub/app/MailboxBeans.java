package io.supporthub.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.supporthub.app.flow.MailBatchStep;
import io.supporthub.app.flow.MailPreparationStep;
import io.supporthub.app.flow.MailboxHealthCheck;
import io.supporthub.app.flow.MailboxPollStep;
import io.supporthub.app.flow.OneByOneOutcomes;
import io.supporthub.app.flow.PreparedMails;
import io.supporthub.db.Transactions;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.mail.threading.MailThreader;
import io.supporthub.mailbox.MailBatchCommit;
import io.supporthub.mailbox.MailIntake;
import io.supporthub.mailbox.MailIntakeCounts;
import io.supporthub.mailbox.MailPreparation;
import io.supporthub.mailbox.MailboxAccess;
import io.supporthub.mailbox.MailboxAuthenticator;
import io.supporthub.mailbox.MailboxLiveness;
import io.supporthub.mailbox.MailboxOutageAlerts;
import io.supporthub.mailbox.MailboxPoller;
import io.supporthub.mailbox.MailboxPolls;
import io.supporthub.mailbox.MailboxSettings;
import io.supporthub.mailbox.MailboxWatch;
import io.supporthub.mailbox.Mailboxes;
import io.supporthub.notify.NotificationStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;

/** The mailbox intake's beans, and its routes: two per configured mailbox, from the templates in intake-mailbox.camel.yaml. */
final class MailboxBeans {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MailboxBeans.class);

    /** A mailbox's trigger, a background route; its poll is a sub-route, so that a mail's failure reaches its batch. */
    static final String TEMPLATE = "mailbox-intake";
    static final String POLL_TEMPLATE = "mailbox-poll";

    private MailboxBeans() {
    }

    static void create(Map<String, Object> beans, HubSettings hub, ConnectorSettings connectors, Transactions transactions, MailLedger ledger,
                       MailIntake intake, InboundMailReader reader, MailQuarantine quarantine, MailThreader threader, MeterRegistry meters) {
        Mailboxes mailboxes = connectors.mailboxes();
        // an outage alert goes through the notification outbox, queued in the transaction that claims it
        MailboxPolls polls = new MailboxPolls(transactions, ManagementFactory.getRuntimeMXBean().getName(),
                new MailboxOutageAlerts(new NotificationStore(transactions), mailboxes));
        Map<String, MailboxLiveness> liveness = new LinkedHashMap<>();
        Map<String, MailboxAccess> access = new LinkedHashMap<>();
        // at a stop, a poll has three tenths of the bound to finish its batch before its connection is closed under it
        MailboxSockets sockets = new MailboxSockets(hub.stopTimeout().multipliedBy(3).dividedBy(10));
        for (MailboxSettings mailbox : mailboxes.enabled()) {
            liveness.put(mailbox.name(), new MailboxLiveness(mailbox.address(), mailbox.pollInterval(), Clock.systemUTC(), polls.log(mailbox.name())));
            MailboxAuthenticator login = MailboxLogin.authenticator(hub, mailbox, transactions);
            java.util.Properties javaMail = MailboxLogin.javaMailProperties(login);
            sockets.configure(javaMail);
            access.put(mailbox.name(), new MailboxAccess(mailbox, login, javaMail));
        }
        beans.put("mailboxSockets", sockets);
        // each intake thread and each committer may hold a connection at the same moment, besides Quartz and the rest
        int peak = mailboxes.enabled().stream().mapToInt(m -> m.intakeThreads() + Mailboxes.COMMITS_IN_FLIGHT).sum() + 4;
        if (!mailboxes.enabled().isEmpty() && hub.dbPoolSize() < peak) {
            LOG.warn("hub.db.pool-size is {}, but mail intake ({} mailbox(es), their intake threads and committers) may want up to {} "
                    + "connections at once besides the scheduler and the API; raise HUB_DB_POOL_SIZE to avoid waiting for one",
                    hub.dbPoolSize(), mailboxes.enabled().size(), peak);
        }
        MailboxWatch watch = new MailboxWatch(liveness, connectors.slack().enabled());
        beans.put("mailboxPolls", polls);
        beans.put("mailboxWatch", watch);
        beans.put("mailboxPollStep", new MailboxPollStep(new MailboxPoller(access, ledger, polls, watch)));
        MailIntakeCounts counts = new MailIntakeCounts(meters);
        // named mailIntakeStep still: the shared error policy quarantines through it
        beans.put("mailIntakeStep", new MailPreparationStep(new MailPreparation(mailboxes, reader, ledger, quarantine, threader, intake, counts)));
        MailBatchCommit batchCommit = new MailBatchCommit(intake, counts);
        beans.put("mailBatchStep", new MailBatchStep(batchCommit));
        beans.put("preparedMails", new PreparedMails());
        beans.put("oneByOneOutcomes", new OneByOneOutcomes(batchCommit));
    }

    /** Adds each mailbox's route and thread pool, and its health check; called once Camel runs, so the template is loaded. */
    static void start(CamelContext context, Mailboxes mailboxes) throws Exception {
        MailboxPolls polls = context.getRegistry().lookupByNameAndType("mailboxPolls", MailboxPolls.class);
        for (MailboxSettings mailbox : mailboxes.enabled()) {
            polls.register(mailbox.name(), mailbox.address());
            // Camel owns the pool, so it stops with the context; one per mailbox, so a busy mailbox never starves another
            context.getRegistry().bind("mailIntakeThreads-" + mailbox.name(),
                    context.getExecutorServiceManager().newFixedThreadPool(MailboxBeans.class, "mail-intake-" + mailbox.name(), mailbox.intakeThreads()));
            TemplatedRouteBuilder.builder(context, POLL_TEMPLATE)
                    .routeId("mailbox-poll-" + mailbox.name())
                    .parameter("mailbox", mailbox.name())
                    .add();
            TemplatedRouteBuilder.builder(context, TEMPLATE)
                    .routeId("intake-mailbox-" + mailbox.name())
                    .parameter("mailbox", mailbox.name())
                    .parameter("pollIntervalMs", Long.toString(Math.max(mailbox.pollInterval().toMillis(), 100)))
                    .add();
        }
        MailboxWatch watch = context.getRegistry().lookupByNameAndType("mailboxWatch", MailboxWatch.class);
        watch.all().forEach((name, liveness) -> HealthCheckRegistry.get(context).register(new MailboxHealthCheck(name, liveness)));
    }
}
