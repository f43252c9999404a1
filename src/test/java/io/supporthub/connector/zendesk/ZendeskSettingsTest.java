package io.supporthub.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConfigSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskSettingsTest {

    static final String FILE = "connectors-config/zendesk.properties";

    static ZendeskSettings settings(Map<String, String> values) {
        return ZendeskSettings.from(new ConfigSource(FILE, values));
    }

    static Map<String, String> account(String baseUrl) {
        return new HashMap<>(Map.of("zendesk.enabled", "true", "zendesk.base-url", baseUrl, "zendesk.email", "hub@acme.example",
                "zendesk.api-token", "zd-token-123"));
    }

    @Test
    void zendesk_is_off_by_default_and_then_reads_no_other_key() {
        ZendeskSettings off = settings(Map.of("zendesk.base-url", "{{env:ZENDESK_BASE_URL}}"));
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void an_enabled_account_reads_its_keys_with_their_defaults() {
        ZendeskSettings on = settings(account("https://acme.zendesk.com/"));
        assertThat(on.baseUrl()).hasToString("https://acme.zendesk.com");
        assertThat(on.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(on.attachmentMaxSize()).isEqualTo(20L * 1024 * 1024);
        assertThat(on.exportRequestsPerMinute()).isEqualTo(10);
        assertThat(on.integrationUserId()).isEmpty();
        assertThat(on.webhookSecret().isEmpty()).isTrue();
    }

    @Test
    void the_api_token_signs_in_as_email_slash_token_and_never_shows_itself() {
        ZendeskSettings on = settings(account("https://acme.zendesk.com"));
        String expected = "Basic " + Base64.getEncoder().encodeToString("hub@acme.example/token:zd-token-123".getBytes(StandardCharsets.UTF_8));
        assertThat(on.authorization()).isEqualTo(expected);
        assertThat(on.toString()).doesNotContain("zd-token-123").contains("[hidden]");
    }

    @Test
    void the_integration_user_id_is_a_positive_whole_number_or_nothing() {
        Map<String, String> values = account("https://acme.zendesk.com");
        values.put("zendesk.integration-user-id", "35436");
        assertThat(settings(values).integrationUserId()).hasValue(35436L);
        values.put("zendesk.integration-user-id", "-4");
        assertThatThrownBy(() -> settings(values)).hasMessage(FILE + ": key 'zendesk.integration-user-id' must be "
                + "a Zendesk user id (a whole number above 0), or nothing, got '-4'");
    }

    @Test
    void an_enabled_account_without_an_address_names_the_key_and_what_it_expects() {
        Map<String, String> values = account("https://acme.zendesk.com");
        values.remove("zendesk.base-url");
        assertThatThrownBy(() -> settings(values)).hasMessageStartingWith(FILE + ": key 'zendesk.base-url' is missing: expected an absolute http(s) URL");
    }

    @Test
    void an_address_ending_in_the_api_path_is_refused_with_an_example() {
        assertThatThrownBy(() -> settings(account("https://acme.zendesk.com/api/v2/")))
                .hasMessage(FILE + ": key 'zendesk.base-url' must name the account without /api/v2, e.g. https://acme.zendesk.com");
    }

    @Test
    void an_empty_api_token_is_refused_without_showing_anything() {
        Map<String, String> values = account("https://acme.zendesk.com");
        values.put("zendesk.api-token", "");
        assertThatThrownBy(() -> settings(values)).hasMessageStartingWith(FILE + ": key 'zendesk.api-token' is missing");
    }

    @Test
    void credentials_go_only_to_the_account_s_own_address() {
        ZendeskSettings on = settings(account("https://acme.zendesk.com"));
        assertThat(on.isAccountAddress(java.net.URI.create("https://acme.zendesk.com/attachments/token/x/?name=a.png"))).isTrue();
        assertThat(on.isAccountAddress(java.net.URI.create("https://acme.zdusercontent.com/attachment/1/a.png"))).isFalse();
        assertThat(on.isAccountAddress(java.net.URI.create("http://acme.zendesk.com/attachments/x"))).isFalse();
    }

    @Test
    void the_export_pace_and_the_size_limit_are_validated() {
        Map<String, String> values = account("https://acme.zendesk.com");
        values.put("zendesk.export-requests-per-minute", "0");
        assertThatThrownBy(() -> settings(values)).hasMessage(FILE + ": key 'zendesk.export-requests-per-minute' must be a whole number above 0, got '0'");
        values.put("zendesk.export-requests-per-minute", "30");
        values.put("zendesk.attachment-max-size", "50MB");
        assertThat(settings(values).attachmentMaxSize()).isEqualTo(50L << 20);
        assertThat(settings(values).exportRequestsPerMinute()).isEqualTo(30);
    }
}
