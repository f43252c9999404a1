package io.supporthub.mail.threading;

import static io.supporthub.mail.threading.FakeThreadLookup.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A sender whose mail is not authenticated joins a ticket only by naming a message the hub sent: the From alone, with the
 * ticket key or a customer's Message-ID anyone may quote, is what a forger has.
 */
class UnauthenticatedSenderThreadingTest {

    private final FakeThreadLookup lookup = new FakeThreadLookup();
    private final ThreadTicket avas = lookup.ticket("SH-1020", "open", "ava@acme.example");
    private final MailThreader threader = new MailThreader(lookup);

    @Test
    void the_ticket_key_in_the_subject_under_a_forged_from_opens_a_new_ticket_with_a_note() {
        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: Re: [SH-1020] update

                Please change the delivery address to mine.
                """), false);

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.SENDER_NOT_AUTHENTICATED);
        assertThat(match.appends()).isFalse();
        assertThat(match.ticket()).isEqualTo(avas);
        assertThat(match.note()).isEqualTo("mail quoted SH-1020 by the ticket key in the subject (SH-1020) in the name of its participant "
                + "ava@acme.example, but the sender is not authenticated and the mail names no message the hub sent; opened a new ticket instead");
    }

    @Test
    void naming_a_customers_own_message_id_is_not_enough_either() {
        lookup.message(avas, "outage-1@acme.example");

        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: Re: Production is down
                In-Reply-To: <outage-1@acme.example>

                Any news?
                """), false);

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.SENDER_NOT_AUTHENTICATED);
    }

    @Test
    void a_reply_naming_a_message_the_hub_sent_joins_the_ticket_of_its_participant() {
        lookup.sent(avas, "ack.SH-1020.x@hub.test");

        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: Re: [SH-1020] Production is down
                References: <outage-1@acme.example> <ack.SH-1020.x@hub.test>

                Works again, thanks.
                """), false);

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(avas);
        assertThat(match.reason()).contains("names a message the hub sent on SH-1020");
    }

    @Test
    void a_stranger_naming_a_message_the_hub_sent_is_still_no_participant() {
        lookup.sent(avas, "ack.SH-1020.x@hub.test");

        ThreadMatch match = threader.decide(parse("""
                From: mallory@attacker.example
                Subject: Re: Production is down
                In-Reply-To: <ack.SH-1020.x@hub.test>

                Forwarded to me.
                """), false);

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.NOT_PARTICIPANT);
    }
}
