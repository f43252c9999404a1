package io.supporthub.mail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {

    @Test
    void the_authserv_id_each_methods_result_and_its_properties_are_read_and_comments_are_dropped() {
        AuthenticationResults read = AuthenticationResults.parse("MX.Example.com 1; dkim=pass (good signature; 2048 bits) header.d=acme.example "
                + "header.s=s1;\r\n spf=pass smtp.mailfrom=ava@acme.example;\tdmarc=fail (p=reject dis=none) header.from=acme.example").orElseThrow();

        assertThat(read.authservId()).isEqualTo("mx.example.com");
        assertThat(read.results()).extracting(AuthenticationResults.MethodResult::method).containsExactly("dkim", "spf", "dmarc");
        assertThat(read.first("dkim").orElseThrow().property("header.d")).isEqualTo("acme.example");
        assertThat(read.first("dkim").orElseThrow().property("header.s")).isEqualTo("s1");
        assertThat(read.first("spf").orElseThrow().property("smtp.mailfrom")).isEqualTo("ava@acme.example");
        assertThat(read.first("dmarc").orElseThrow().result()).isEqualTo("fail");
    }

    @Test
    void a_header_without_results_has_none_and_quoted_values_are_unquoted() {
        assertThat(AuthenticationResults.parse("mx.example.com; none").orElseThrow().results()).isEmpty();
        AuthenticationResults quoted = AuthenticationResults.parse("\"mx.example.com\"; dkim/1=Pass header.i=\"@acme.example\" reason=\"ok; fine\"")
                .orElseThrow();
        assertThat(quoted.authservId()).isEqualTo("mx.example.com");
        assertThat(quoted.results()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("pass");
            assertThat(r.property("header.i")).isEqualTo("@acme.example");
        });
    }

    @Test
    void a_header_naming_no_authserv_id_is_not_read_since_nobody_could_be_trusted_for_it() {
        // as Microsoft 365 writes them
        assertThat(AuthenticationResults.parse("spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=acme.example; dkim=pass header.d=acme.example"))
                .isEmpty();
        assertThat(AuthenticationResults.parse("   ")).isEmpty();
        assertThat(AuthenticationResults.parse(null)).isEmpty();
    }

    @Test
    void text_that_is_no_method_result_is_skipped_and_the_rest_still_read() {
        AuthenticationResults read = AuthenticationResults.parse("mx.example.com; garbage here; spf=softfail smtp.mailfrom=x.example").orElseThrow();
        assertThat(read.results()).singleElement().satisfies(r -> assertThat(r.result()).isEqualTo("softfail"));
    }
}
