package io.supporthub.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.db.Transactions;
import io.supporthub.intake.TicketIntake;
import io.supporthub.notify.NotificationPolicy;
import io.supporthub.notify.NotificationStore;
import io.supporthub.sla.lifecycle.IntakeHooks;
import io.supporthub.testing.TestDatabase;
import io.supporthub.ticket.attachment.AttachmentLimits;
import io.supporthub.ticket.attachment.AttachmentStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store of tickets' records in other systems, against a real PostgreSQL: one record, one ticket. */
class ExternalLinksTest {

    static HikariDataSource dataSource;
    static Transactions transactions;
    static ExternalLinks links;
    static TicketIntake intake;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.migratedPool(2);
        transactions = new Transactions(dataSource);
        TicketStore tickets = new TicketStore(transactions, new CustomerStore(transactions));
        links = new ExternalLinks(transactions);
        intake = new TicketIntake(transactions, tickets, SourceLedger.NONE, links, new NotificationStore(transactions),
                new NotificationPolicy(false, false), new AttachmentStore(tickets, AttachmentLimits.defaults()), IntakeHooks.NONE);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void a_record_known_by_its_number_belongs_to_the_first_ticket_that_names_it() {
        long first = ticket();
        long second = ticket();
        ExternalLinks.NewLink mine = new ExternalLinks.NewLink(first, ExternalRef.number("servicenow", "INC0000001"), ExternalLink.MENTIONED);
        ExternalLinks.NewLink theirs = new ExternalLinks.NewLink(second, ExternalRef.number("servicenow", "INC0000001"), ExternalLink.MENTIONED);

        List<ExternalLinks.NewLink> refused = transactions.inTransaction(c -> links.linkAll(c, List.of(mine, theirs)));

        assertThat(refused).containsExactly(theirs);
        assertThat(links.forTicket(first)).extracting(ExternalLink::ref).containsExactly(ExternalRef.number("servicenow", "INC0000001"));
        assertThat(links.forTicket(second)).isEmpty();
    }

    @Test
    void a_record_known_by_its_id_belongs_to_one_ticket_and_the_other_is_told_whose_it_is() {
        long first = ticket();
        long second = ticket();
        ExternalRef caseRecord = new ExternalRef("salesforce", "5003000000D8cuI", "00001027", null);
        transactions.inTransaction(c -> links.link(c, first, caseRecord, ExternalLink.SYNC));

        ExternalLink taken = transactions.inTransaction(c -> links.link(c, second, new ExternalRef("salesforce", "5003000000D8cuI", null, null),
                ExternalLink.SYNC)).orElseThrow();

        assertThat(taken.ticketId()).isEqualTo(first);
        assertThat(links.forTicket(second)).isEmpty();
    }

    @Test
    void a_number_learned_from_a_mail_gains_its_id_and_url_when_a_sync_names_them() {
        long ticket = ticket();
        transactions.inTransaction(c -> links.linkAll(c, List.of(new ExternalLinks.NewLink(ticket, ExternalRef.number("zendesk", "812"),
                ExternalLink.MENTIONED))));

        ExternalLink completed = transactions.inTransaction(c -> links.link(c, ticket,
                new ExternalRef("zendesk", "812", "812", "https://acme.zendesk.com/agent/tickets/812"), ExternalLink.SYNC)).orElseThrow();

        assertThat(completed.ref()).isEqualTo(new ExternalRef("zendesk", "812", "812", "https://acme.zendesk.com/agent/tickets/812"));
        assertThat(completed.learnedFrom()).as("how the hub first learned of it").isEqualTo(ExternalLink.MENTIONED);
        assertThat(links.forTicket(ticket)).hasSize(1);
        assertThat(links.find(new ExternalRef("zendesk", "812", null, null))).contains(completed);
    }

    @Test
    void what_was_last_seen_and_last_pushed_is_remembered_with_its_time() {
        long ticket = ticket();
        ExternalLink link = transactions.inTransaction(c -> links.link(c, ticket, new ExternalRef("servicenow", "9d385017c611228701d22104cc95c371",
                "INC0000002", null), ExternalLink.SYNC)).orElseThrow();

        transactions.inTransaction(c -> {
            links.recordSeen(c, link.id(), "2026-03-01 10:00:00");
            links.recordPushed(c, link.id(), "sha256:abc");
            return null;
        });

        ExternalLink stored = links.forTicket(ticket).get(0);
        assertThat(stored.lastSeenVersion()).isEqualTo("2026-03-01 10:00:00");
        assertThat(stored.lastPushedHash()).isEqualTo("sha256:abc");
        assertThat(stored.lastSeenAt()).isNotNull();
        assertThat(stored.lastPushedAt()).isNotNull();
    }

    @Test
    void a_reference_needs_its_id_or_its_number() {
        assertThatThrownBy(() -> new ExternalRef("zendesk", " ", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ExternalRef(" ZenDesk ", "1", null, "").url()).isNull();
        assertThat(new ExternalRef(" ZenDesk ", "1", null, "").system()).isEqualTo("zendesk");
    }

    private static long ticket() {
        IntakeRequest request = new IntakeRequest(Channel.API, "flo@example.com", "Flo", "Question", "text");
        TicketDraft draft = TicketDraft.of(request)
                .withCustomer(CustomerSnapshot.notFound("flo@example.com"), TicketEvent.of("customer_enriched", "test", "not found", Map.of()))
                .withClassification(new Classification("general", Priority.P4, "normal", "neutral", "en"), List.of())
                .withRouting(new Routing(Tier.T1, "general", "test"), TicketEvent.of("routed", "test", "routed", Map.of()));
        return intake.create(draft).ticket().id();
    }
}
