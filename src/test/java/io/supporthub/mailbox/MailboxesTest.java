package io.supporthub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.mail.auth.SenderPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Several mailboxes in one file: each names its own keys, inherits the plain ones, and is validated key by key. */
class MailboxesTest {

    static final String FILE = "connectors-config/mailbox.properties";

    @Test
    void the_single_mailbox_of_the_plain_keys_keeps_working_as_before() {
        Mailboxes mailboxes = Mailboxes.from(source(Map.of("mailbox.host", "imap.example.com", "mailbox.username", "support",
                "mailbox.password", "s3cret", "mailbox.address", "support@example.com")));
        assertThat(mailboxes.enabled()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo(MailboxSettings.DEFAULT_NAME);
            assertThat(m.protocol()).isEqualTo("imaps");
            assertThat(m.port()).isEqualTo(993);
            assertThat(m.queue()).isNull();
            assertThat(m.categoryHint()).isNull();
        });
    }

    @Test
    void named_mailboxes_take_their_own_keys_and_inherit_the_plain_ones() {
        Map<String, String> keys = shared();
        keys.put("mailbox.billing.queue", "billing");
        keys.put("mailbox.billing.category", "billing");
        keys.put("mailbox.billing.poll-interval", "PT30S");
        Mailboxes mailboxes = Mailboxes.from(source(keys));

        assertThat(mailboxes.enabled()).extracting(MailboxSettings::name).containsExactly("support", "billing");
        MailboxSettings billing = mailboxes.byName("billing").orElseThrow();
        assertThat(billing.host()).isEqualTo("imap.example.com");
        assertThat(billing.username()).isEqualTo("billing@example.com");
        assertThat(billing.password().reveal()).isEqualTo("billing-secret");
        assertThat(billing.address()).isEqualTo("billing@example.com");
        assertThat(billing.queue()).isEqualTo("billing");
        assertThat(billing.categoryHint()).isEqualTo("billing");
        assertThat(billing.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mailboxes.byName("support").orElseThrow().pollInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void each_mailbox_believes_the_servers_it_names_or_the_shared_ones_and_restricts_unverified_senders_unless_told() {
        Map<String, String> keys = shared();
        keys.put("mailbox.trusted-authserv-ids", "mx.google.com, MX.Example.com");
        keys.put("mailbox.billing.trusted-authserv-ids", "mail.billing.example");
        keys.put("mailbox.billing.unverified-sender", "trusted");
        Mailboxes mailboxes = Mailboxes.from(source(keys));

        assertThat(mailboxes.byName("support").orElseThrow().senderPolicy())
                .isEqualTo(new SenderPolicy(Set.of("mx.google.com", "mx.example.com"), false));
        assertThat(mailboxes.byName("billing").orElseThrow().senderPolicy()).isEqualTo(new SenderPolicy(Set.of("mail.billing.example"), true));
    }

    @Test
    void an_authserv_id_that_is_no_host_name_is_refused_with_the_key_to_fix() {
        Map<String, String> keys = shared();
        keys.put("mailbox.support.trusted-authserv-ids", "mx.google.com; dmarc=pass");
        assertThatThrownBy(() -> Mailboxes.from(source(keys)))
                .hasMessageStartingWith(FILE + ": key 'mailbox.support.trusted-authserv-ids' must be empty, or comma-separated authserv-ids");
    }

    @Test
    void a_missing_key_of_a_named_mailbox_names_its_own_key_and_the_shared_one() {
        Map<String, String> keys = shared();
        keys.remove("mailbox.host");
        keys.put("mailbox.support.host", "imap.example.com");
        assertThatThrownBy(() -> Mailboxes.from(source(keys)))
                .hasMessageStartingWith(FILE + ": key 'mailbox.billing.host' is missing: expected text (IMAP server host name); "
                        + "set it for this mailbox, or mailbox.host for every mailbox");
    }

    @Test
    void a_wrong_value_of_a_named_mailbox_names_that_key() {
        Map<String, String> keys = shared();
        keys.put("mailbox.billing.port", "99999");
        assertThatThrownBy(() -> Mailboxes.from(source(keys)))
                .hasMessage(FILE + ": key 'mailbox.billing.port' must be a port number from 0 to 65535, got '99999'");
    }

    @Test
    void a_key_of_a_mailbox_that_is_not_named_is_a_typo_and_rejected() {
        Map<String, String> keys = shared();
        keys.put("mailbox.biling.queue", "billing");
        assertThatThrownBy(() -> Mailboxes.from(source(keys)))
                .hasMessageStartingWith(FILE + ": key 'mailbox.biling.queue' is not a known key");
    }

    @Test
    void a_mailbox_can_be_turned_off_alone() {
        Map<String, String> keys = shared();
        keys.put("mailbox.billing.enabled", "false");
        assertThat(Mailboxes.from(source(keys)).enabled()).extracting(MailboxSettings::name).containsExactly("support");
    }

    @Test
    void two_mailboxes_polling_the_same_folder_are_refused() {
        Map<String, String> keys = shared();
        keys.put("mailbox.billing.username", "support@example.com");
        assertThatThrownBy(() -> Mailboxes.from(source(keys)))
                .hasMessageContaining("has mailboxes support and billing that both poll support@example.com@imap.example.com:993/INBOX");
    }

    @Test
    void a_mailbox_name_that_is_also_a_key_word_is_refused() {
        assertThatThrownBy(() -> Mailboxes.from(source(Map.of("mailbox.names", "support, oauth2"))))
                .hasMessageContaining("key 'mailbox.names' names a mailbox 'oauth2', which is also a key name");
        assertThatThrownBy(() -> Mailboxes.from(source(Map.of("mailbox.names", "Support"))))
                .hasMessageContaining("key 'mailbox.names' must be a comma-separated list of names");
    }

    @Test
    void the_effective_configuration_shows_each_mailbox_with_inherited_keys_and_hides_passwords() {
        assertThat(Mailboxes.describe(source(shared()))).hasSize(2).first().asString()
                .startsWith("mailbox support {enabled=true, protocol=imaps, host=imap.example.com")
                .contains("password=[hidden]").doesNotContain("support-secret");
    }

    private static Map<String, String> shared() {
        Map<String, String> keys = new HashMap<>();
        keys.put("mailbox.names", "support, billing");
        keys.put("mailbox.host", "imap.example.com");
        keys.put("mailbox.support.username", "support@example.com");
        keys.put("mailbox.support.password", "support-secret");
        keys.put("mailbox.support.address", "support@example.com");
        keys.put("mailbox.billing.username", "billing@example.com");
        keys.put("mailbox.billing.password", "billing-secret");
        keys.put("mailbox.billing.address", "billing@example.com");
        return keys;
    }

    private static ConfigSource source(Map<String, String> keys) {
        return new ConfigSource(FILE, keys);
    }
}
