package io.supporthub.connector.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.ticket.CustomerSnapshot;
import io.supporthub.ticket.CustomerTier;
import org.junit.jupiter.api.Test;

class CrmLookupTest {

    private final CrmLookup lookup = new CrmLookup("Customer_Tier__c", "Health_Score__c");

    @Test
    void the_email_is_escaped_so_it_cannot_change_the_query() {
        String soql = lookup.soqlFor("o'brien\\x@example.com' OR Name != '");
        assertThat(soql).contains("WHERE Email = 'o\\'brien\\\\x@example.com\\' OR Name != \\''");
    }

    @Test
    void field_names_are_checked_because_they_are_part_of_the_query() {
        assertThatThrownBy(() -> new CrmLookup("Tier__c FROM User --", "Health__c")).isInstanceOf(IllegalArgumentException.class);
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
        assertThat(c.lookup()).isEqualTo("found");
    }

    @Test
    void no_record_is_an_unknown_new_customer_and_a_contact_without_account_is_standard() {
        assertThat(lookup.read("x@example.com", "{\"totalSize\":0,\"done\":true,\"records\":[]}").tier()).isEqualTo(CustomerTier.UNKNOWN);
        assertThat(lookup.read("x@example.com", "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"003\",\"Account\":null}]}").tier())
                .isEqualTo(CustomerTier.STANDARD);
    }
}
