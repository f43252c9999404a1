package io.supporthub.mail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DnsDkimKeysTest {

    @Test
    void a_record_of_several_strings_is_one_key_joined_without_a_separator() {
        // JNDI renders the strings of one TXT record separated by a blank, quoting those that hold one
        assertThat(DnsDkimKeys.joined("\"v=DKIM1; k=rsa; \" MIIBIjAN BgkqhkiG")).isEqualTo("v=DKIM1; k=rsa; MIIBIjANBgkqhkiG");
        assertThat(DnsDkimKeys.joined("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
    }

    @Test
    void a_lookup_of_a_name_that_cannot_exist_ends_in_no_key_or_a_lookup_failure_never_an_error() {
        // .invalid is reserved (RFC 2606): a resolver answers "no such name", or none answers where DNS is not reachable
        try {
            assertThat(new DnsDkimKeys(Duration.ofMillis(500)).records("s1", "acme.invalid")).isEmpty();
        } catch (DkimKeys.LookupFailed unreachable) {
            assertThat(unreachable.getMessage()).startsWith("DNS lookup of s1._domainkey.acme.invalid failed");
        }
    }

    @Test
    void a_name_no_dns_zone_could_hold_is_not_looked_up() throws Exception {
        assertThat(new DnsDkimKeys(Duration.ofSeconds(1)).records("bad selector", "acme.example")).isEmpty();
        assertThat(new DnsDkimKeys(Duration.ofSeconds(1)).records("s1", "acme..example")).isEmpty();
    }
}
