package io.supporthub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.mail.filter.MailDecision.Outcome;
import io.supporthub.mail.auth.SenderAuthentication;
import io.supporthub.mail.auth.SenderPolicy;
import io.supporthub.mail.auth.SenderVerdict;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.mail.mime.MimeLimits;
import io.supporthub.ticket.IntakeRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundMailReaderTest {

    private final InboundMailReader reader = new InboundMailReader(MimeLimits.defaults(), MailFilterChain.standard("hub.example.com"));

    @Test
    void a_plain_mail_is_accepted_with_sender_subject_text_and_its_message_id_as_key() {
        InboundMail mail = read("""
                From: "Ann Example" <Ann@Example.com>
                To: support@example.com
                Subject: =?UTF-8?B?TMO2Z2luIGZhaWxz?=
                Message-ID: <abc@example.com>

                I cannot log in.
                """);
        assertThat(mail.accepted()).isTrue();
        IntakeRequest request = mail.toIntakeRequest();
        assertThat(request.requesterEmail()).isEqualTo("ann@example.com");
        assertThat(request.requesterName()).isEqualTo("Ann Example");
        assertThat(request.subject()).isEqualTo("Lögin fails");
        assertThat(request.body()).isEqualTo("I cannot log in.");
        assertThat(request.source().messageKey()).isEqualTo("abc@example.com");
        assertThat(request.channel()).isEqualTo(io.supporthub.ticket.Channel.EMAIL);
        assertThat(request.source().via()).isEqualTo("mailbox support@example.com");
        assertThat(request.source().records()).isEmpty();
    }

    @Test
    void a_mail_whose_subject_quotes_other_helpdesks_numbers_names_those_records_as_its_source() {
        InboundMail mail = read("""
                From: bo@example.com
                To: support@example.com
                Subject: Re: INC0012345 printer / Case 00001026
                Message-ID: <nums@example.com>

                Still broken.
                """);

        assertThat(mail.toIntakeRequest().source().records()).containsExactly(
                io.supporthub.ticket.ExternalRef.number("servicenow", "INC0012345"), io.supporthub.ticket.ExternalRef.number("salesforce", "00001026"));
    }

    @Test
    void a_mail_without_message_id_is_keyed_by_the_hash_of_its_bytes() {
        assertThat(read("From: a@example.com\nSubject: hi\n\nhello\n").receipt().messageKey()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void an_out_of_office_reply_is_stopped_by_the_automatic_mail_filter() {
        InboundMail mail = read("""
                From: bob@example.com
                Subject: Out of office: [SH-1001] Re: Printer
                Auto-Submitted: auto-replied
                Message-ID: <ooo@example.com>

                I am away until Monday.
                """);
        assertThat(mail.accepted()).isFalse();
        assertThat(mail.decision().outcome()).isEqualTo(Outcome.IGNORE_AUTOMATIC);
        assertThat(mail.decision().filter()).isEqualTo("automatic-mail");
    }

    @Test
    void our_own_acknowledgement_coming_back_is_recognised() {
        InboundMail mail = read("""
                From: support@example.com
                Subject: [SH-1001] Re: Printer
                Message-ID: <ack.SH-1001.x@hub.example.com>

                thank you
                """);
        assertThat(mail.decision().outcome()).isIn(Outcome.IGNORE_OWN_NOTIFICATION, Outcome.IGNORE_AUTOMATIC);
    }

    @Test
    void an_accepted_mail_without_a_sender_is_unreadable_and_says_why() {
        InboundMail mail = read("Subject: nobody\nMessage-ID: <n@example.com>\n\nbody\n");
        assertThatThrownBy(mail::toIntakeRequest).isInstanceOf(UnreadableMailException.class)
                .hasMessageContaining("no readable From address");
    }

    @Test
    void a_mail_read_under_a_mailboxs_policy_carries_the_verdict_on_its_sender_and_a_stopped_one_costs_no_key_lookup() {
        java.util.List<String> lookups = new java.util.ArrayList<>();
        InboundMailReader authenticating = new InboundMailReader(MimeLimits.defaults(), MailFilterChain.standard("hub.example.com"),
                new SenderAuthentication((selector, domain) -> {
                    lookups.add(domain);
                    return java.util.List.of();
                }));
        SenderPolicy policy = new SenderPolicy(java.util.Set.of("mx.example.com"), false);

        InboundMail stamped = authenticating.read(new ReceivedMail("support", "support@example.com", 1L, 7L, bytes("""
                Authentication-Results: mx.example.com; dmarc=fail header.from=example.com
                From: ann@example.com
                Subject: hi
                Message-ID: <v-1@example.com>

                hello
                """)), policy);
        assertThat(stamped.receipt().sender().result()).isEqualTo(SenderVerdict.Result.FAIL);
        assertThat(stamped.receipt().senderTrusted()).isFalse();
        assertThat(stamped.receipt().senderAuthentication()).isEqualTo("fail");
        assertThat(stamped.senderEvent()).hasValueSatisfying(e -> assertThat(e.reason()).startsWith("sender ann@example.com: fail (restricted)"));

        InboundMail outOfOffice = authenticating.read(new ReceivedMail("support", "support@example.com", 1L, 8L, bytes("""
                From: ann@example.com
                Subject: Out of office
                Auto-Submitted: auto-replied
                DKIM-Signature: v=1; d=example.com; s=s1; b=abc
                Message-ID: <v-2@example.com>

                away
                """)), policy);
        assertThat(outOfOffice.accepted()).isFalse();
        assertThat(outOfOffice.receipt().sender().result()).isEqualTo(SenderVerdict.Result.UNVERIFIED);
        assertThat(lookups).isEmpty();
        assertThat(reader.read("support@example.com", bytes("From: a@example.com\n\nhi\n")).receipt().sender())
                .as("a reader that only reads judges nobody").isNull();
    }

    private static byte[] bytes(String mail) {
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private InboundMail read(String mail) {
        return reader.read("support@example.com", mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
