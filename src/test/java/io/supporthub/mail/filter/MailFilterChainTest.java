package io.supporthub.mail.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.mail.filter.MailDecision.Outcome;
import org.junit.jupiter.api.Test;

class MailFilterChainTest {

    private final MailFilterChain chain = MailFilterChain.standard("hub.example");

    @Test
    void filters_run_in_the_documented_order() {
        assertThat(chain.names()).containsExactly("oversize", "automatic-mail", "own-notification");
    }

    @Test
    void a_human_mail_passes_every_filter() {
        MailDecision decision = chain.decide(TestMail.parse("""
                From: anna@customer.example
                Subject: help
                Message-ID: <h@customer.example>

                help
                """));
        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void the_first_filter_that_objects_decides() {
        // Our own auto-reply is both automatic and ours: the automatic-mail filter comes first.
        MailDecision decision = chain.decide(TestMail.parse("""
                From: support@hub.example
                Subject: [HUB-1] received
                Message-ID: <ack.1@hub.example>
                Auto-Submitted: auto-replied

                received
                """));
        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORE_AUTOMATIC);
        assertThat(decision.filter()).isEqualTo("automatic-mail");
    }

    @Test
    void own_mail_without_automatic_headers_is_caught_by_the_last_filter() {
        MailDecision decision = chain.decide(TestMail.parse("""
                From: agent@hub.example
                Subject: [HUB-1] answer
                Message-ID: <c.1@hub.example>

                answer
                """));
        assertThat(decision.filter()).isEqualTo("own-notification");
    }
}
