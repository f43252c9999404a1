package io.supporthub.app;

import io.supporthub.admin.ApiTokens;
import io.supporthub.admin.AttachmentApi;
import io.supporthub.admin.ConnectionTestApi;
import io.supporthub.admin.MailAdminApi;
import io.supporthub.admin.TicketApi;
import io.supporthub.app.flow.ApiStep;
import io.supporthub.app.flow.AttachmentApiStep;
import io.supporthub.app.flow.CrmEnrichmentStep;
import io.supporthub.app.flow.MailAdminStep;
import io.supporthub.app.flow.NotificationStep;
import io.supporthub.app.flow.PersistStep;
import io.supporthub.app.flow.ReEnrichmentStep;
import io.supporthub.app.flow.RoutingStep;
import io.supporthub.app.flow.TriageStep;
import io.supporthub.connector.salesforce.SalesforceCircuitBreaker;
import io.supporthub.connector.salesforce.SalesforceConnectionTest;
import io.supporthub.connector.salesforce.SalesforceCrmEnrichment;
import io.supporthub.connector.salesforce.SalesforceSettings;
import io.supporthub.connector.slack.SlackAlertComposer;
import io.supporthub.connector.slack.SlackConnectionTest;
import io.supporthub.connector.zendesk.ZendeskConnectionTest;
import io.supporthub.db.Transactions;
import io.supporthub.intake.CreationAdmissions;
import io.supporthub.intake.CustomerReEnrichment;
import io.supporthub.intake.RequesterTrust;
import io.supporthub.mailbox.MailIntake;
import io.supporthub.intake.ReplyIntake;
import io.supporthub.intake.TicketIntake;
import io.supporthub.mail.AcknowledgementMail;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.MailDecisions;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.MailSourceLedger;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.mail.SatisfactionFollowUpMail;
import io.supporthub.mail.auth.DkimKeys;
import io.supporthub.mail.auth.SenderAuthentication;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.threading.MailThreader;
import io.supporthub.mail.threading.ThreadIndex;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.notify.OutboundMailLog;
import io.supporthub.ticket.CustomerStore;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.ExternalLinks;
import io.supporthub.ticket.SourceLedgers;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.attachment.AttachmentStore;
import io.supporthub.ticket.attachment.TicketAttachments;
import io.supporthub.triage.Triage;
import io.supporthub.triage.TriageRules;
import io.supporthub.triage.model.SeedModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.apache.camel.component.micrometer.MicrometerConstants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/** Wires the beans the routes call, by the names the routes use, from typed settings. */
final class HubBeans {

    private HubBeans() {
    }

    static Map<String, Object> create(HubSettings hub, ConnectorSettings connectors, DataSource dataSource, Clock clock, DkimKeys dkimKeys) {
        Transactions transactions = new Transactions(dataSource);
        CustomerStore customers = new CustomerStore(transactions);
        TicketStore tickets = new TicketStore(transactions, customers);
        MailLedger ledger = new MailLedger(transactions);
        // each channel records its own messages through this hook; the API has no ledger
        SourceLedgers sourceLedgers = SourceLedgers.of(Channel.EMAIL, new MailSourceLedger(ledger));
        ExternalLinks externalLinks = new ExternalLinks(transactions);
        NotificationStore notifications = new NotificationStore(transactions);
        // one store for what mail carries, called by ticket creation and by reply intake alike
        AttachmentStore attachmentStore = new AttachmentStore(tickets, hub.mail().attachmentLimits());
        SlaBeans sla = new SlaBeans(hub, connectors, transactions, tickets, notifications, clock);
        NotificationPolicy notificationPolicy = new NotificationPolicy(connectors.smtp().enabled(), connectors.slack().enabled());
        TicketIntake intake = new TicketIntake(transactions, tickets, sourceLedgers, externalLinks, notifications, notificationPolicy,
                attachmentStore, sla.intakeHooks());
        Triage triage = new Triage(PolicyFile.of(hub.policiesDir(), "triage-rules.yaml", TriageRules::load, TriageRules::defaults),
                SeedModel.load(hub.triageModel()));
        String publicUrl = hub.publicUrl().toString().replaceAll("/+$", "");

        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("hubDataSource", dataSource);
        beans.put("quartz", QuartzScheduling.component(hub, dataSource, connectors.mailboxes().enabled().size()));
        // bound under Camel's name, so camel-micrometer-prometheus serves these meters with its own
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        beans.put(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        beans.put("hubMetrics", new HubMetrics(transactions, meters));
        beans.put("backgroundFailures", new io.supporthub.app.flow.BackgroundFailures(meters, Clock.systemUTC()));
        beans.put("apiTokens", new ApiTokens(transactions));
        beans.put("ticketStore", tickets);
        InboundMailReader mailReader = new InboundMailReader(hub.mail().mimeLimits(), MailFilterChain.standard(connectors.smtp().messageIdDomain()),
                new SenderAuthentication(dkimKeys));
        MailQuarantine quarantine = new MailQuarantine(transactions);
        MailThreader threader = new MailThreader(new ThreadIndex(transactions));
        MailIntake mailIntake = new MailIntake(transactions, ledger, intake,
                new ReplyIntake(transactions, tickets, sourceLedgers, attachmentStore, sla.intakeHooks()),
                new CreationAdmissions(transactions, clock, hub.mail().creationCap()), quarantine, notificationPolicy, notifications);
        MailboxBeans.create(beans, hub, connectors, transactions, ledger, mailIntake, mailReader, quarantine, threader, meters);
        beans.put("mailAdminStep", new MailAdminStep(new MailAdminApi(new MailDecisions(transactions), quarantine), mailReader,
                (ApiTokens) beans.get("apiTokens")));
        SalesforceSettings crm = connectors.salesforce();
        beans.put("crmEnrichment", new CrmEnrichmentStep(SalesforceCrmEnrichment.from(crm, customers)));
        beans.put(SalesforceCircuitBreaker.BEAN_NAME, crm.breaker().definition());
        beans.put("connectionTestApi", new ConnectionTestApi(List.of(new SalesforceConnectionTest(crm), new SlackConnectionTest(connectors.slack()),
                new ZendeskConnectionTest(connectors.zendesk()))));
        beans.put("requesterTrust", new RequesterTrust());
        beans.put("triageStep", new TriageStep(triage));
        beans.put("reEnrichmentStep", new ReEnrichmentStep(new CustomerReEnrichment(transactions, tickets, customers, sla.intakeHooks()),
                ticketId -> ledger.mailboxNameOf(ticketId).flatMap(connectors.mailboxes()::byName)));
        beans.put("routingStep", new RoutingStep());
        beans.put("persistStep", new PersistStep(intake));
        beans.put("notificationStep", new NotificationStep(notifications,
                new AcknowledgementMail(connectors.smtp().messageIdDomain(), connectors.smtp().fromName()),
                new SatisfactionFollowUpMail(connectors.smtp().messageIdDomain(), connectors.smtp().fromName(), publicUrl + "/survey/"),
                new SlackAlertComposer(publicUrl + "/api/v1/tickets/"), connectors.slack().channels(),
                "\"" + connectors.smtp().fromName() + "\" <" + connectors.smtp().fromAddress() + ">",
                new OutboundMailLog(transactions, clock), connectors.smtp().caps()));
        TicketAttachments attachments = new TicketAttachments(transactions);
        TicketApi ticketApi = new TicketApi(tickets, attachments, externalLinks, sla.clockView());
        beans.put("apiStep", new ApiStep((ApiTokens) beans.get("apiTokens"), ticketApi));
        beans.put("attachmentApiStep", new AttachmentApiStep(new AttachmentApi(tickets, attachments)));
        sla.bind(beans, ticketApi, meters);
        beans.put("smtpProperties", smtpProperties(connectors));
        return beans;
    }

    private static Properties smtpProperties(ConnectorSettings connectors) {
        Properties properties = new Properties();
        boolean startTls = connectors.smtp().startTls() && connectors.smtp().protocol().equals("smtp");
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "30000");
        return properties;
    }
}
