package io.supporthub.mail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganizationalDomainTest {

    @Test
    void the_organisational_domain_comes_from_the_public_suffix_list() {
        assertThat(OrganizationalDomain.of("mail.acme.co.uk")).isEqualTo("acme.co.uk");
        assertThat(OrganizationalDomain.of("Mail.Example.COM.")).isEqualTo("example.com");
        // a name under no listed suffix (reserved test names) takes the list's default rule: the last label is the suffix
        assertThat(OrganizationalDomain.of("mx.acme.example")).isEqualTo("acme.example");
    }

    @Test
    void relaxed_alignment_holds_within_one_organisation_only() {
        assertThat(OrganizationalDomain.aligned("mail.acme.example", "acme.example")).isTrue();
        assertThat(OrganizationalDomain.aligned("attacker.example", "acme.example")).isFalse();
        // hosting suffixes are on the list too: two customers of one host are two organisations
        assertThat(OrganizationalDomain.aligned("ava.github.io", "mallory.github.io")).isFalse();
        assertThat(OrganizationalDomain.aligned(null, "acme.example")).isFalse();
    }

    @Test
    void the_domain_of_an_address_or_of_a_bare_domain() {
        assertThat(OrganizationalDomain.domainOf("Ava@ACME.example")).isEqualTo("acme.example");
        assertThat(OrganizationalDomain.domainOf("acme.example")).isEqualTo("acme.example");
        assertThat(OrganizationalDomain.domainOf(null)).isNull();
    }
}
