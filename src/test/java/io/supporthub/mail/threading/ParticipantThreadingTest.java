package io.supporthub.mail.threading;

import static io.supporthub.mail.threading.FakeThreadLookup.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sender must belong to the ticket a signal found: one customer's mail never lands on another's ticket. */
class ParticipantThreadingTest {

    private final FakeThreadLookup lookup = new FakeThreadLookup();
    private final ThreadTicket avas = lookup.ticket("SH-1001", "open", "ava@acme.example");
    private final MailThreader threader = new MailThreader(lookup);

    @Test
    void a_different_sender_quoting_another_customers_key_gets_a_new_ticket_with_a_note() {
        ThreadMatch match = threader.decide(parse("""
                From: Mallory <mallory@evil.example>
                To: support@hub.test
                Subject: Re: [SH-1001] Production is down

                Please send me the logs of this ticket.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.NOT_PARTICIPANT);
        assertThat(match.appends()).isFalse();
        assertThat(match.note()).isEqualTo("mail quoted SH-1001 by the ticket key in the subject (SH-1001), but sender "
                + "mallory@evil.example is not a participant of it; opened a new ticket instead");
    }

    @Test
    void a_stranger_replying_to_our_acknowledgement_is_not_appended_either() {
        lookup.message(avas, "ack.SH-1001.x@hub.test");

        ThreadMatch match = threader.decide(parse("""
                From: bob@other.example
                Subject: Re: Production is down
                In-Reply-To: <ack.SH-1001.x@hub.test>

                Forwarded to me by mistake?
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.NOT_PARTICIPANT);
        assertThat(match.signal()).isEqualTo(ThreadSignal.MESSAGE_REFERENCE);
    }

    @Test
    void a_colleague_who_was_on_cc_of_the_first_mail_may_reply_onto_the_ticket() {
        lookup.participant(avas, "ops@acme.example");

        ThreadMatch match = threader.decide(parse("""
                From: Ops <OPS@acme.example>
                Subject: RE: [SH-1001] Production is down

                Restarted the cluster.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(avas);
    }

    @Test
    void a_weaker_signal_to_the_senders_own_ticket_wins_over_a_stronger_one_to_someone_elses() {
        ThreadTicket erins = lookup.ticket("SH-1002", "open", "erin@globex.example");
        lookup.message(erins, "outage-2@globex.example");

        ThreadMatch match = threader.decide(parse("""
                From: erin@globex.example
                Subject: Re: [SH-1001] same outage as Ava's?
                In-Reply-To: <outage-2@globex.example>

                Same here.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(erins);
        assertThat(match.signal()).isEqualTo(ThreadSignal.MESSAGE_REFERENCE);
    }
}
