package io.supporthub.mail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.mail.mime.MimeReader;
import io.supporthub.mail.mime.MailHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which Authentication-Results count: those the trusted receiving server stamped on top, never one a sender wrote lower. */
class StampedResultsTest {

    static final Set<String> TRUSTED = Set.of("mx.hub.example");

    @Test
    void the_trusted_servers_results_above_its_received_field_count() {
        StampedResults stamped = stamped("""
                Return-Path: <ava@acme.example>
                Delivered-To: support@hub.example
                Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example
                Received: from mail.acme.example by mx.hub.example; Mon, 1 Dec 2025 10:00:00 +0000
                DKIM-Signature: v=1; d=acme.example; s=s1; b=abc
                From: ava@acme.example
                Subject: hello
                """);

        assertThat(stamped.first("dmarc")).hasValueSatisfying(r -> assertThat(r.result().result()).isEqualTo("pass"));
        assertThat(stamped.untrusted()).isEmpty();
    }

    @Test
    void results_of_a_server_the_mailbox_does_not_trust_are_noted_but_never_believed() {
        StampedResults stamped = stamped("""
                Authentication-Results: mx.evil.example; dmarc=pass header.from=acme.example
                From: ava@acme.example
                """);

        assertThat(stamped.isEmpty()).isTrue();
        assertThat(stamped.untrusted()).containsExactly("mx.evil.example");
    }

    @Test
    void a_forged_result_with_the_trusted_id_below_the_senders_own_fields_never_counts() {
        StampedResults stamped = stamped("""
                Received: from attacker.example by mx.hub.example; Mon, 1 Dec 2025 10:00:00 +0000
                From: ava@acme.example
                Subject: Re: [SH-1020] update
                Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example
                """);

        assertThat(stamped.isEmpty()).isTrue();
    }

    @Test
    void a_forged_result_below_the_hop_the_trusted_server_recorded_never_counts() {
        // the server stamped dmarc=fail above the Received field of the hop from the attacker; the attacker's own
        // "result" sits at the very top of what it sent, under that field
        StampedResults stamped = stamped("""
                Authentication-Results: mx.hub.example; spf=fail smtp.mailfrom=attacker.example
                Received: from attacker.example by mx.hub.example; Mon, 1 Dec 2025 10:00:00 +0000
                Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example
                From: ava@acme.example
                """);

        assertThat(stamped.results()).hasSize(1);
        assertThat(stamped.first("dmarc")).isEmpty();
        assertThat(stamped.first("spf")).hasValueSatisfying(r -> assertThat(r.result().result()).isEqualTo("fail"));
    }

    @Test
    void where_a_forgery_sits_right_under_the_servers_own_result_the_servers_topmost_result_wins() {
        StampedResults stamped = stamped("""
                Received: from attacker.example by mx.hub.example; Mon, 1 Dec 2025 10:00:00 +0000
                Authentication-Results: mx.hub.example; dmarc=fail header.from=acme.example
                Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example
                From: ava@acme.example
                """);

        assertThat(stamped.first("dmarc")).hasValueSatisfying(r -> assertThat(r.result().result()).isEqualTo("fail"));
    }

    @Test
    void filters_x_fields_on_the_receiving_side_do_not_end_the_zone_but_a_dkim_signature_does() {
        StampedResults stamped = stamped("""
                X-Spam-Status: No, score=-0.1
                Authentication-Results: mx.hub.example; dkim=pass header.d=acme.example
                DKIM-Signature: v=1; d=acme.example; s=s1; b=abc
                Authentication-Results: mx.hub.example; dmarc=pass header.from=acme.example
                From: ava@acme.example
                """);

        assertThat(stamped.results()).hasSize(1);
        assertThat(stamped.first("dkim")).isPresent();
        assertThat(stamped.first("dmarc")).isEmpty();
    }

    static StampedResults stamped(String rfc822) {
        MailHeaders headers = MimeReader.read((rfc822 + "\nbody\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), MimeLimits.defaults())
                .headers();
        return StampedResults.of(headers, TRUSTED);
    }
}
