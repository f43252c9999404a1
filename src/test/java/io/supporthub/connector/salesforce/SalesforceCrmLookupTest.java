package io.supporthub.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerTier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforceCrmLookupTest {

    private final SalesforceCrmLookup lookup = new SalesforceCrmLookup(CrmFields.DEFAULT);

    /** An org that keeps its tier in Service_Level__c (Diamond / Gold), a success manager as owner and a roll-up of open cases. */
    private final SalesforceCrmLookup customOrg = new SalesforceCrmLookup(new CrmFields(FieldPath.parse("Account.Service_Level__c"),
            FieldPath.parse("Account.ARR__c"), FieldPath.parse("Account.acme__Health__c"), FieldPath.parse("Account.CSM__r.Name"),
            OpenCases.parse("Account.Open_Cases__c"), TierMapping.of(List.of("Diamond"), List.of("Gold", "Silver"))));

    @Test
    void the_email_is_escaped_so_it_cannot_change_the_query() {
        String soql = lookup.soqlFor("o'brien\\x@example.com' OR Name != '");
        assertThat(soql).endsWith("WHERE Email = 'o\\'brien\\\\x@example.com\\' OR Name != \\'' ORDER BY LastModifiedDate DESC LIMIT 1");
    }

    @Test
    void a_trailing_backslash_or_control_characters_cannot_end_the_literal_early() {
        assertThat(lookup.soqlFor("x\\")).contains("Email = 'x\\\\' ORDER BY");
        assertThat(lookup.soqlFor("a\nb\u0000c\u001bd@example.com")).contains("Email = 'a\\nbcd@example.com' ORDER BY");
    }

    @Test
    void the_default_query_selects_the_default_fields_of_contact_and_account() {
        assertThat(lookup.soqlFor("ann@example.com")).isEqualTo("SELECT Id, Name, Email, Account.Id, Account.Name, Account.Customer_Tier__c, "
                + "Account.AnnualRevenue, Account.Health_Score__c, Account.Owner.Name FROM Contact WHERE Email = 'ann@example.com' "
                + "ORDER BY LastModifiedDate DESC LIMIT 1");
    }

    @Test
    void an_org_with_its_own_fields_is_queried_for_those_fields() {
        assertThat(customOrg.soqlFor("ann@example.com")).startsWith("SELECT Id, Name, Email, Account.Id, Account.Name, Account.Service_Level__c, "
                + "Account.ARR__c, Account.acme__Health__c, Account.CSM__r.Name, Account.Open_Cases__c FROM Contact WHERE");
    }

    @Test
    void field_names_are_checked_because_they_are_part_of_the_query() {
        for (String bad : List.of("Tier__c FROM User --", "Account.Tier__c,Name", "Account..Name", "Account.Tier__c'", "Account.Tier_",
                "1Tier", "Account.(SELECT Id FROM Cases)", "", "A.B.C.D.E.F.G")) {
            assertThatThrownBy(() -> FieldPath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FieldPath.parse(" Account.ns__Tier__c ").soql()).isEqualTo("Account.ns__Tier__c");
    }

    @Test
    void a_found_contact_yields_tier_revenue_health_and_owner_from_its_account() {
        CustomerSnapshot c = lookup.read("ann@example.com", """
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact"},"Id":"003A","Name":"Ann",
                 "Account":{"attributes":{"type":"Account"},"Id":"001B","Name":"Acme","Customer_Tier__c":"Enterprise",
                  "AnnualRevenue":1200000.5,"Health_Score__c":"Red","Owner":{"Name":"Olivia"}}}]}""");
        assertThat(c.tier()).isEqualTo(CustomerTier.ENTERPRISE);
        assertThat(c.accountName()).isEqualTo("Acme");
        assertThat(c.annualRevenue()).isEqualByComparingTo("1200000.5");
        assertThat(c.health()).isEqualTo("Red");
        assertThat(c.owner()).isEqualTo("Olivia");
        assertThat(c.openCases()).isNull();
        assertThat(c.lookup()).isEqualTo("found");
    }

    @Test
    void the_orgs_own_fields_and_tier_values_are_read() {
        CustomerSnapshot c = customOrg.read("ann@example.com", """
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact"},"Id":"003A","Name":"Ann",
                 "Account":{"attributes":{"type":"Account"},"Id":"001B","Name":"Acme","Service_Level__c":" diamond ",
                  "ARR__c":90000,"acme__Health__c":72,"CSM__r":{"attributes":{"type":"User"},"Name":"Marcus Lee"},"Open_Cases__c":3.0}}]}""");
        assertThat(c.tier()).isEqualTo(CustomerTier.VIP);
        assertThat(c.annualRevenue()).isEqualByComparingTo("90000");
        assertThat(c.health()).isEqualTo("72");
        assertThat(c.owner()).isEqualTo("Marcus Lee");
        assertThat(c.openCases()).isEqualTo(3);
        assertThat(customOrg.countsOpenCases(c)).as("a roll-up field needs no second query").isFalse();
    }

    @Test
    void tier_values_map_as_the_org_configures_them_and_anything_else_is_standard() {
        TierMapping tiers = TierMapping.of(List.of("Diamond"), List.of("Gold", "Silver"));
        assertThat(tiers.tierOf("DIAMOND")).isEqualTo(CustomerTier.VIP);
        assertThat(tiers.tierOf("silver")).isEqualTo(CustomerTier.ENTERPRISE);
        assertThat(tiers.tierOf("VIP")).as("not this org's value").isEqualTo(CustomerTier.STANDARD);
        assertThat(tiers.tierOf(null)).isEqualTo(CustomerTier.STANDARD);
        assertThatThrownBy(() -> TierMapping.of(List.of("Gold"), List.of("gold"))).hasMessageContaining("both vip and enterprise");
    }

    @Test
    void open_cases_are_counted_for_a_found_account_with_a_checked_record_id() {
        CustomerSnapshot found = lookup.read("ann@example.com", """
                {"totalSize":1,"done":true,"records":[{"Id":"003xx000004TmiQAAS","Name":"Ann",
                 "Account":{"Id":"001xx000003DGb2AAG","Name":"Acme","Customer_Tier__c":"VIP"}}]}""");
        assertThat(lookup.countsOpenCases(found)).isTrue();
        assertThat(lookup.openCasesSoqlFor(found.crmAccountId()))
                .isEqualTo("SELECT COUNT() FROM Case WHERE AccountId = '001xx000003DGb2AAG' AND IsClosed = false");
        assertThat(lookup.withOpenCases(found, "{\"totalSize\":4,\"done\":true,\"records\":[]}").openCases()).isEqualTo(4);
        assertThatThrownBy(() -> lookup.openCasesSoqlFor("001' OR Name != '")).isInstanceOf(IllegalArgumentException.class);
        assertThat(lookup.countsOpenCases(CustomerSnapshot.notFound("x@example.com"))).isFalse();
    }

    @Test
    void no_record_is_an_unknown_new_customer_and_a_contact_without_account_is_standard() {
        assertThat(lookup.read("x@example.com", "{\"totalSize\":0,\"done\":true,\"records\":[]}").tier()).isEqualTo(CustomerTier.UNKNOWN);
        CustomerSnapshot orphan = lookup.read("x@example.com", "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"003\",\"Account\":null}]}");
        assertThat(orphan.tier()).isEqualTo(CustomerTier.STANDARD);
        assertThat(lookup.countsOpenCases(orphan)).as("no account, nothing to count").isFalse();
    }
}
