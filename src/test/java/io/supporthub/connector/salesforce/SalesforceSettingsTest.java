package io.supporthub.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.ticket.CustomerTier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {

    private static SalesforceSettings settings(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("salesforce.client-id", "id", "salesforce.client-secret", "s",
                "salesforce.username", "hub@example.com", "salesforce.password", "p"));
        values.putAll(more);
        return SalesforceSettings.from(new ConfigSource("connectors-config/salesforce.properties", values));
    }

    @Test
    void without_field_keys_the_hub_reads_its_suggested_fields() {
        assertThat(settings(Map.of()).crmFields()).isEqualTo(CrmFields.DEFAULT);
    }

    @Test
    void an_org_names_its_own_fields_tier_values_and_open_cases_source() {
        CrmFields fields = settings(Map.of("salesforce.field.tier", "Account.Service_Level__c", "salesforce.field.arr", "Account.ARR__c",
                "salesforce.field.health", "Account.Health__c", "salesforce.field.owner", "Account.CSM__r.Name",
                "salesforce.open-cases", "Account.Open_Cases__c", "salesforce.tier.vip-values", "Diamond, Platinum",
                "salesforce.tier.enterprise-values", "Gold")).crmFields();
        assertThat(fields.tier().soql()).isEqualTo("Account.Service_Level__c");
        assertThat(fields.owner().soql()).isEqualTo("Account.CSM__r.Name");
        assertThat(fields.openCases().source()).isEqualTo(OpenCases.Source.FIELD);
        assertThat(fields.openCases().field().soql()).isEqualTo("Account.Open_Cases__c");
        assertThat(fields.tiers().tierOf("platinum")).isEqualTo(CustomerTier.VIP);
        assertThat(fields.tiers().tierOf("Enterprise")).as("the default list no longer applies").isEqualTo(CustomerTier.STANDARD);
        assertThat(settings(Map.of("salesforce.open-cases", "none")).crmFields().openCases()).isEqualTo(OpenCases.NONE);
    }

    @Test
    void a_field_that_is_not_an_api_name_stops_the_hub_naming_file_and_key() {
        assertThatThrownBy(() -> settings(Map.of("salesforce.field.tier", "Account.Tier__c FROM User")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("connectors-config/salesforce.properties: key 'salesforce.field.tier' must be a field of the Contact")
                .hasMessageContaining("got 'Account.Tier__c FROM User'");
        assertThatThrownBy(() -> settings(Map.of("salesforce.open-cases", "COUNT()")))
                .hasMessageContaining("key 'salesforce.open-cases' must be case-count, none, or a number field");
    }

    @Test
    void a_tier_value_listed_for_vip_and_enterprise_is_refused() {
        assertThatThrownBy(() -> settings(Map.of("salesforce.tier.vip-values", "Gold", "salesforce.tier.enterprise-values", "gold")))
                .hasMessage("connectors-config/salesforce.properties: key 'salesforce.tier.enterprise-values' must not repeat a value of "
                        + "salesforce.tier.vip-values: 'gold' is listed as both vip and enterprise");
    }

    @Test
    void the_circuit_breakers_numbers_are_settings_with_the_former_route_values_as_defaults() {
        assertThat(settings(Map.of()).breaker()).isEqualTo(SalesforceCircuitBreaker.DEFAULT);
        SalesforceCircuitBreaker breaker = settings(Map.of("salesforce.timeout", "PT1.5S", "salesforce.breaker.window", "50",
                "salesforce.breaker.minimum-calls", "10", "salesforce.breaker.failure-rate", "25", "salesforce.breaker.open-wait", "PT2M")).breaker();
        org.apache.camel.model.Resilience4jConfigurationDefinition definition = breaker.definition();
        assertThat(definition.getTimeoutEnabled()).isEqualTo("true");
        assertThat(definition.getTimeoutDuration()).isEqualTo("1500");
        assertThat(definition.getSlidingWindowSize()).isEqualTo("50");
        assertThat(definition.getMinimumNumberOfCalls()).isEqualTo("10");
        assertThat(definition.getFailureRateThreshold()).isEqualTo("25.0");
        assertThat(definition.getWaitDurationInOpenState()).isEqualTo("120");
    }

    @Test
    void circuit_breaker_numbers_that_do_not_fit_stop_the_hub_naming_the_key() {
        assertThatThrownBy(() -> settings(Map.of("salesforce.breaker.window", "4")))
                .hasMessage("connectors-config/salesforce.properties: key 'salesforce.breaker.minimum-calls' must not exceed salesforce.breaker.window (4)");
        assertThatThrownBy(() -> settings(Map.of("salesforce.breaker.failure-rate", "150")))
                .hasMessageContaining("key 'salesforce.breaker.failure-rate' must be a whole percentage from 1 to 100");
        assertThatThrownBy(() -> settings(Map.of("salesforce.breaker.open-wait", "PT0.5S")))
                .hasMessageContaining("key 'salesforce.breaker.open-wait' must be at least one second");
    }
}
