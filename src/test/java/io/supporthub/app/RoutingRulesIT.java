package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.testing.HubWithCrm;
import io.supporthub.testing.SalesforceStubs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each rule of the content-based router in pipeline.camel.yaml, through the real pipeline: tier, queue, priority and the reasons. */
class RoutingRulesIT {

    @RegisterExtension
    static HubWithCrm hub = HubWithCrm.withContacts(wm -> {
            SalesforceStubs.contact(wm, "vip@bigco.example", "Vera Ip", "BigCo", "VIP", 5_000_000);
            SalesforceStubs.contact(wm, "ent@corp.example", "Enzo Tee", "Corp", "Enterprise", 700_000);
            SalesforceStubs.contact(wm, "std@small.example", "Stan Dard", "Small", "Standard", 20_000);
        });

    @Test
    void a_security_breach_goes_to_t3_emergency() throws Exception {
        JsonNode t = create("std@small.example", "Account compromised", "Someone hacked our admin account and changed settings. Urgent!");
        assertRouted(t, "T3", "emergency", "P2", "security breach, outage or data loss goes to T3 emergency");
        assertThat(reasons(t)).anyMatch(r -> r.startsWith("category security: rule security-incident"));
    }

    @Test
    void data_loss_goes_to_t3_emergency_whatever_its_category() throws Exception {
        assertRouted(create("std@small.example", "Sync problem", "After the update we had data loss in three projects."),
                "T3", "emergency", null, "security breach, outage or data loss goes to T3 emergency");
    }

    @Test
    void a_vip_outage_is_a_p1_t3_emergency() throws Exception {
        assertRouted(create("vip@bigco.example", "Production is down", "Urgent: the platform is down for all users."),
                "T3", "emergency", "P1", "T3 emergency");
    }

    @Test
    void a_refund_above_500_goes_to_human_approval_with_the_amount_on_the_timeline() throws Exception {
        JsonNode t = create("std@small.example", "Refund request", "Please refund USD 1,200 for the annual licence we never used.");
        assertRouted(t, "T2", "human-approval", null, "refund above the approval limit needs a human approval");
        assertThat(reasons(t)).anyMatch(r -> r.equals("refund of USD 1200 is above the approval limit of 500"));
    }

    @Test
    void a_refund_below_the_limit_stays_first_line() throws Exception {
        assertRouted(create("std@small.example", "Refund", "Please refund the $40 charge from last week."), "T1", "refund", null, "refund request goes to T1");
    }

    @Test
    void vip_and_enterprise_customers_get_priority_handling() throws Exception {
        assertRouted(create("vip@bigco.example", "Invoice address", "Please change the address on our invoice."), "T2", "priority", null,
                "vip customer gets priority handling");
        assertRouted(create("ent@corp.example", "Invoice address", "Please change the address on our invoice."), "T2", "priority", null,
                "enterprise customer gets priority handling");
    }

    @Test
    void a_complex_api_problem_goes_to_t2() throws Exception {
        assertRouted(create("std@small.example", "Webhook integration fails", "Our API integration gets timeouts from the webhook endpoint."),
                "T2", "technical", null, "complex API, integration or performance problem goes to T2");
    }

    @Test
    void account_and_billing_questions_go_to_t1() throws Exception {
        assertRouted(create("std@small.example", "Password reset", "I cannot reset my password."), "T1", "account", null, "account request goes to T1");
        assertRouted(create("newbie@nowhere.example", "Invoice copy", "Where can I download my invoice?"), "T1", "billing", null, "billing request goes to T1");
    }

    @Test
    void what_no_rule_places_goes_to_t1_flagged_for_review() throws Exception {
        assertRouted(create("newbie@nowhere.example", "Hello", "Just wanted to say hello to the team."), "T1", "triage-review", null,
                "no routing rule placed it; T1 with a flag for review");
    }

    private static void assertRouted(JsonNode ticket, String tier, String queue, String priority, String routingReason) {
        assertThat(ticket.path("tier").asText()).as("tier").isEqualTo(tier);
        assertThat(ticket.path("queue").asText()).as("queue").isEqualTo(queue);
        if (priority != null) {
            assertThat(ticket.path("priority").asText()).as("priority").isEqualTo(priority);
        }
        assertThat(reasons(ticket)).anyMatch(r -> r.startsWith("routed to " + tier + " / " + queue + ": ") && r.endsWith(routingReason)
                || r.contains(routingReason) && r.startsWith("routed to"));
        assertThat(ticket.path("timeline").findValuesAsText("type")).contains("customer_enriched", "categorized", "prioritized", "routed");
    }

    private static List<String> reasons(JsonNode ticket) {
        return ticket.path("timeline").findValuesAsText("reason");
    }

    private static JsonNode create(String email, String subject, String message) {
        return hub.api().create(email, subject, message);
    }
}
