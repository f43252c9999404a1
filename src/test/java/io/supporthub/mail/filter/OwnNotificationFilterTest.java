package io.supporthub.mail.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.mail.filter.MailDecision.Outcome;
import org.junit.jupiter.api.Test;

class OwnNotificationFilterTest {

    private final OwnNotificationFilter filter = new OwnNotificationFilter("hub.example");

    @Test
    void our_acknowledgement_forwarded_back_by_a_rule_is_ignored() {
        assertThat(filter.decide(TestMail.parse("""
                From: Support <support@hub.example>
                Subject: [HUB-42] We received your request
                Message-ID: <ack.42.1700000000@hub.example>

                We received your request.
                """)).outcome()).isEqualTo(Outcome.IGNORE_OWN_NOTIFICATION);
    }

    @Test
    void message_id_domain_is_compared_case_insensitively() {
        assertThat(filter.decide(TestMail.parse("""
                From: support@hub.example
                Subject: x
                Message-ID: <n1@HUB.Example>

                x
                """)).outcome()).isEqualTo(Outcome.IGNORE_OWN_NOTIFICATION);
    }

    @Test
    void mail_with_our_stamp_header_is_ignored_even_with_a_foreign_message_id() {
        MailDecision decision = filter.decide(TestMail.parse("""
                From: relay@corp.example
                Subject: FW: [HUB-42] We received your request
                Message-ID: <x9@corp.example>
                X-SupportHub-Ticket: HUB-42

                forwarded
                """));
        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORE_OWN_NOTIFICATION);
        assertThat(decision.reason()).contains("x-supporthub-ticket");
    }

    @Test
    void customer_reply_referencing_our_message_id_is_accepted() {
        assertThat(filter.decide(TestMail.parse("""
                From: Anna <anna@customer.example>
                Subject: Re: [HUB-42] We received your request
                Message-ID: <r1@customer.example>
                In-Reply-To: <ack.42.1700000000@hub.example>
                References: <ack.42.1700000000@hub.example>

                Thanks!
                """)).outcome()).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void a_subdomain_of_ours_is_not_ours() {
        assertThat(filter.decide(TestMail.parse("""
                From: a@mail.hub.example
                Subject: x
                Message-ID: <z@mail.hub.example>

                x
                """)).outcome()).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void the_domain_must_be_configured() {
        assertThatThrownBy(() -> new OwnNotificationFilter(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
