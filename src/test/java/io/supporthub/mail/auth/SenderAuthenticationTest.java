package io.supporthub.mail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.testing.TestDkim;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One verdict per mail: the trusted server's results first, the mail's own aligned DKIM signature next, else unverified. */
class SenderAuthenticationTest {

    static final SenderPolicy POLICY = new SenderPolicy(Set.of("MX.hub.example"), false);
    static final TestDkim ACME = new TestDkim("acme.example", "s1");
    static final String MAIL = """
            From: Ava Martin <ava@acme.example>
            To: support@hub.example
            Subject: Production is down
            Date: Mon, 1 Dec 2025 10:00:00 +0000
            Message-ID: <outage-1@acme.example>

            Urgent: nobody can work.
            """;

    final List<String> lookups = new ArrayList<>();
    final SenderAuthentication authentication = new SenderAuthentication((selector, domain) -> {
        lookups.add(selector + "._domainkey." + domain);
        return ACME.published().records(selector, domain);
    });

    @Test
    void a_dmarc_pass_from_a_trusted_server_proves_the_sender() {
        SenderVerdict verdict = judge("Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example\n" + MAIL);

        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.PASS);
        assertThat(verdict.method()).isEqualTo(SenderVerdict.BY_AUTHENTICATION_RESULTS);
        assertThat(verdict.reason()).isEqualTo("dmarc=pass reported by trusted mx.hub.example (header.from=acme.example)");
        assertThat(verdict.trusted()).isTrue();
    }

    @Test
    void a_dmarc_fail_from_a_trusted_server_shows_the_from_false_whatever_the_policy_for_unverified_mail() {
        String mail = "Authentication-Results: mx.hub.example; spf=pass smtp.mailfrom=mallory@attacker.example; dmarc=fail header.from=acme.example\n"
                + MAIL;

        SenderVerdict verdict = judge(mail);
        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.FAIL);
        assertThat(verdict.trusted()).isFalse();
        assertThat(verdict.describe()).startsWith("fail (restricted): dmarc=fail reported by trusted mx.hub.example");
        assertThat(judge(mail, new SenderPolicy(POLICY.trustedAuthservIds(), true)).trusted()).isFalse();
    }

    @Test
    void results_from_an_untrusted_server_leave_the_sender_unverified_and_the_reason_names_them() {
        SenderVerdict verdict = judge("Authentication-Results: mx.evil.example; dmarc=pass header.from=acme.example\n" + MAIL);

        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.UNVERIFIED);
        assertThat(verdict.method()).isEqualTo(SenderVerdict.BY_NOTHING);
        assertThat(verdict.reason()).contains("ignored those of mx.evil.example", "no DKIM signature");
        assertThat(verdict.trusted()).as("restricted by default").isFalse();
        assertThat(judge("Authentication-Results: mx.evil.example; dmarc=pass\n" + MAIL, new SenderPolicy(Set.of(), true)).trusted())
                .as("trusted where the mailbox says unverified senders are").isTrue();
    }

    @Test
    void without_a_dmarc_result_an_aligned_dkim_or_spf_pass_proves_the_sender_and_an_unaligned_one_proves_nothing() {
        assertThat(judge("Authentication-Results: mx.hub.example; dkim=pass header.d=mail.acme.example\n" + MAIL).result())
                .isEqualTo(SenderVerdict.Result.PASS);
        assertThat(judge("Authentication-Results: mx.hub.example; spf=pass smtp.mailfrom=bounces@acme.example\n" + MAIL).result())
                .isEqualTo(SenderVerdict.Result.PASS);
        SenderVerdict unaligned = judge("Authentication-Results: mx.hub.example; dkim=pass header.d=attacker.example; "
                + "spf=pass smtp.mailfrom=mallory@attacker.example\n" + MAIL);
        assertThat(unaligned.result()).isEqualTo(SenderVerdict.Result.UNVERIFIED);
        assertThat(unaligned.reason()).contains("dkim=pass header.d=attacker.example", "spf=pass smtp.mailfrom=mallory@attacker.example");
        assertThat(judge("Authentication-Results: mx.hub.example; spf=fail smtp.mailfrom=ava@acme.example\n" + MAIL).result())
                .isEqualTo(SenderVerdict.Result.FAIL);
    }

    @Test
    void a_dmarc_result_for_another_from_domain_decides_nothing() {
        SenderVerdict verdict = judge("Authentication-Results: mx.hub.example; dmarc=pass header.from=attacker.example\n" + MAIL);

        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.UNVERIFIED);
        assertThat(verdict.reason()).contains("not this mail's From domain acme.example");
    }

    @Test
    void a_forged_trusted_result_placed_below_the_senders_fields_counts_for_nothing() {
        SenderVerdict verdict = judge(MAIL.replace("Subject:", "Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example\nSubject:"));

        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.UNVERIFIED);
        assertThat(verdict.reason()).startsWith("no Authentication-Results from a trusted server");
    }

    @Test
    void without_trusted_results_an_aligned_dkim_signature_that_verifies_proves_the_sender() {
        SenderVerdict verdict = judge(ACME.sign(MAIL));

        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.PASS);
        assertThat(verdict.method()).isEqualTo(SenderVerdict.BY_DKIM);
        assertThat(verdict.reason()).isEqualTo("DKIM signature d=acme.example s=s1 verifies and aligns with the From domain acme.example");
        assertThat(lookups).containsExactly("s1._domainkey.acme.example");
    }

    @Test
    void a_signed_mail_whose_body_was_altered_fails() {
        SenderVerdict verdict = judge(ACME.sign(MAIL).replace("nobody can work", "send the invoices to mallory"));

        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.FAIL);
        assertThat(verdict.method()).isEqualTo(SenderVerdict.BY_DKIM);
        assertThat(verdict.reason()).contains("does not verify", "body");
        assertThat(verdict.trusted()).isFalse();
    }

    @Test
    void an_aligned_signature_made_with_another_key_or_a_selector_never_published_fails() {
        SenderVerdict otherKey = judge(new TestDkim("acme.example", "s1").sign(MAIL));
        SenderVerdict unpublished = judge(new TestDkim("acme.example", "forged").sign(MAIL));

        assertThat(otherKey.result()).isEqualTo(SenderVerdict.Result.FAIL);
        assertThat(otherKey.reason()).contains("d=acme.example s=s1 does not verify");
        assertThat(unpublished.result()).isEqualTo(SenderVerdict.Result.FAIL);
        assertThat(unpublished.reason()).contains("d=acme.example s=forged does not verify", "no key");
    }

    @Test
    void a_signature_by_another_domain_proves_nothing_and_costs_no_lookup() {
        SenderVerdict verdict = judge(new TestDkim("attacker.example", "k").sign(MAIL));

        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.UNVERIFIED);
        assertThat(verdict.reason()).contains("signed by d=attacker.example only, which is not the From domain acme.example");
        assertThat(lookups).isEmpty();
    }

    @Test
    void a_key_lookup_that_fails_for_now_leaves_the_sender_unverified_and_never_breaks_intake() {
        SenderAuthentication unreachable = new SenderAuthentication((selector, domain) -> {
            throw new DkimKeys.LookupFailed("DNS lookup of " + selector + "._domainkey." + domain + " failed: timeout");
        });

        SenderVerdict verdict = unreachable.judge(parse(ACME.sign(MAIL)), bytes(ACME.sign(MAIL)), POLICY, true);
        assertThat(verdict.result()).isEqualTo(SenderVerdict.Result.UNVERIFIED);
        assertThat(verdict.reason()).contains("temperror", "timeout");
    }

    @Test
    void a_decision_by_the_trusted_server_or_a_mail_intake_does_not_take_in_costs_no_lookup() {
        judge("Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example\n" + ACME.sign(MAIL));
        SenderVerdict bounce = authentication.judge(parse(ACME.sign(MAIL)), bytes(ACME.sign(MAIL)), POLICY, false);

        assertThat(lookups).isEmpty();
        assertThat(bounce.reason()).contains("DKIM signature not checked");
    }

    @Test
    void a_mail_without_a_from_address_is_unverified() {
        assertThat(judge(MAIL.replace("From: Ava Martin <ava@acme.example>\n", "")).reason())
                .isEqualTo("the mail has no From address to authenticate");
    }

    SenderVerdict judge(String rfc822) {
        return judge(rfc822, POLICY);
    }

    SenderVerdict judge(String rfc822, SenderPolicy policy) {
        return authentication.judge(parse(rfc822), bytes(rfc822), policy, true);
    }

    static io.supporthub.mail.mime.ParsedMail parse(String rfc822) {
        return MimeReader.read(bytes(rfc822), MimeLimits.defaults());
    }

    static byte[] bytes(String rfc822) {
        return rfc822.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
