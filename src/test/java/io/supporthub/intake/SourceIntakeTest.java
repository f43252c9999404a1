package io.supporthub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.MailLedger;
import io.supporthub.mail.MailSourceLedger;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.testing.Rows;
import io.supporthub.testing.TestDatabase;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.Classification;
import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerStore;
import io.supporthub.ticket.ExternalLink;
import io.supporthub.ticket.ExternalLinks;
import io.supporthub.ticket.ExternalRef;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Routing;
import io.supporthub.ticket.SourceLedgers;
import io.supporthub.ticket.TicketDraft;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketSource;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.Tier;
import io.supporthub.ticket.attachment.AttachmentLimits;
import io.supporthub.ticket.attachment.AttachmentStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Intake from any source against a real PostgreSQL: each channel's own ledger, and the ticket's links to other systems. */
class SourceIntakeTest {

    static HikariDataSource dataSource;
    static TicketIntake intake;
    static ExternalLinks links;
    static final InboundMailReader READER = new InboundMailReader(MimeLimits.defaults(), MailFilterChain.standard("hub.example.com"));

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(4);
        Transactions transactions = new Transactions(dataSource);
        TicketStore tickets = new TicketStore(transactions, new CustomerStore(transactions));
        links = new ExternalLinks(transactions);
        intake = new TicketIntake(transactions, tickets, SourceLedgers.of(Channel.EMAIL, new MailSourceLedger(new MailLedger(transactions))),
                links, new NotificationStore(transactions), new NotificationPolicy(false, false),
                new AttachmentStore(tickets, AttachmentLimits.defaults()), IntakeHooks.NONE);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void an_api_ticket_that_names_its_zendesk_record_is_linked_to_it_and_visits_no_mail_ledger() {
        long mailsBefore = Rows.count(dataSource, "select count(*) from mail_message");
        ExternalRef zendesk = new ExternalRef("zendesk", "4711", "4711", "https://acme.zendesk.com/agent/tickets/4711");

        IntakeOutcome outcome = intake.create(routed(new IntakeRequest(TicketSource.from(Channel.ZENDESK, zendesk), "bo@example.com", "Bo",
                "Printer offline", "It is offline.")));

        assertThat(links.forTicket(outcome.ticket().id())).singleElement().satisfies(link -> {
            assertThat(link.ref()).isEqualTo(zendesk);
            assertThat(link.learnedFrom()).isEqualTo(ExternalLink.ORIGIN);
            assertThat(link.createdAt()).isNotNull();
        });
        assertThat(Rows.count(dataSource, "select count(*) from mail_message")).isEqualTo(mailsBefore);
        assertThat(events(outcome.ticket().id())).doesNotContain("mail_decision", "external_link_taken");
    }

    @Test
    void a_mail_whose_subject_quotes_a_servicenow_number_opens_a_ticket_linked_to_it_and_recorded_in_the_mail_ledger() {
        IntakeOutcome outcome = intake.create(routed(mail("<inc-1@example.com>", "ann@example.com", "Printer broken (INC0012345)")
                .toIntakeRequest()));

        assertThat(links.forTicket(outcome.ticket().id())).singleElement().satisfies(link -> {
            assertThat(link.ref()).isEqualTo(ExternalRef.number("servicenow", "INC0012345"));
            assertThat(link.learnedFrom()).isEqualTo(ExternalLink.MENTIONED);
        });
        assertThat(Rows.one(dataSource, "select decision, ticket_id from mail_message where message_key = 'inc-1@example.com'"))
                .containsEntry("decision", "created_ticket").containsEntry("ticket_id", outcome.ticket().id());
        assertThat(events(outcome.ticket().id())).contains("mail_decision").doesNotContain("external_link_taken");
        assertThat(Rows.one(dataSource, "select reason from ticket_event where type = 'received' and ticket_id = ?", outcome.ticket().id()))
                .containsEntry("reason", "received from mailbox support@example.com, naming servicenow INC0012345");
    }

    @Test
    void a_second_ticket_quoting_a_linked_number_stays_unlinked_and_its_timeline_says_why() {
        IntakeOutcome first = intake.create(routed(mail("<inc-2@example.com>", "cy@example.com", "RITM0000042 laptop").toIntakeRequest()));
        IntakeOutcome second = intake.create(routed(mail("<inc-3@example.com>", "di@example.com", "About RITM0000042").toIntakeRequest()));

        assertThat(links.find(ExternalRef.number("servicenow", "RITM0000042")).orElseThrow().ticketId()).isEqualTo(first.ticket().id());
        assertThat(links.forTicket(second.ticket().id())).isEmpty();
        assertThat(events(second.ticket().id())).contains("external_link_taken");
    }

    @Test
    void a_redelivered_mail_creates_nothing_and_links_nothing_twice() {
        IntakeRequest request = mail("<inc-4@example.com>", "ed@example.com", "Case 00001026 follow-up").toIntakeRequest();
        assertThat(intake.create(routed(request)).created()).isTrue();

        assertThat(intake.create(routed(request)).created()).isFalse();
        assertThat(Rows.count(dataSource, "select count(*) from external_link where system = 'salesforce' and external_number = '00001026'"))
                .isEqualTo(1);
    }

    static io.supporthub.mail.InboundMail mail(String messageId, String from, String subject) {
        return READER.read("support@example.com", ("From: " + from + "\nTo: support@example.com\nSubject: " + subject + "\nMessage-ID: "
                + messageId + "\n\nPlease help.\n").getBytes(StandardCharsets.UTF_8));
    }

    static TicketDraft routed(IntakeRequest request) {
        CustomerSnapshot customer = CustomerSnapshot.notFound(request.requesterEmail());
        return TicketDraft.of(request)
                .withCustomer(customer, TicketEvent.of("customer_enriched", "test", "not found", Map.of()))
                .withClassification(new Classification("technical", Priority.P3, "normal", "neutral", "en"), List.of())
                .withRouting(new Routing(Tier.T1, "technical", "test"), TicketEvent.of("routed", "test", "routed", Map.of()));
    }

    static List<String> events(long ticketId) {
        return Rows.all(dataSource, "select type from ticket_event where ticket_id = ? order by id", ticketId).stream()
                .map(r -> (String) r.get("type")).toList();
    }
}
