package io.supporthub.mail.threading;

import static io.supporthub.mail.threading.FakeThreadLookup.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Signal 1: our ticket key in the subject, bracketed anywhere or bare after reply and forward prefixes. */
class SubjectKeyThreadingTest {

    private final FakeThreadLookup lookup = new FakeThreadLookup();
    private final ThreadTicket ticket = lookup.ticket("SH-1001", "open", "ava@acme.example");
    private final MailThreader threader = new MailThreader(lookup);

    @ParameterizedTest
    @ValueSource(strings = {"Re: [SH-1001] Re: Production is down", "[SH-1001] Re: Production is down", "AW: [SH-1001] Produktion steht",
            "RE: RE: SH-1001 Production is down", "AW: SH-1001 Produktion steht", "SV: SH-1001 Produktionen", "Fwd[3]: SH-1001 outage",
            "WG: Fwd: [sh-1001] outage", "Re(2): SH-1001: still down", "FW: Re: [ SH-1001 ] still down"})
    void reply_with_the_key_in_the_subject_appends_to_the_ticket(String subject) {
        ThreadMatch match = threader.decide(parse("""
                From: Ava Martin <ava@acme.example>
                To: support@hub.test
                Subject: %s
                Message-ID: <r1@acme.example>

                Still down here.
                """.formatted(subject)));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(ticket);
        assertThat(match.signal()).isEqualTo(ThreadSignal.SUBJECT_KEY);
        assertThat(match.reason()).contains("SH-1001", "ticket key in the subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Our invoice numbering uses SH-1001 as a prefix", "FLASH-1001 firmware", "Production is down"})
    void a_bare_key_inside_the_subject_or_no_key_at_all_opens_a_new_ticket(String subject) {
        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: %s

                New question.
                """.formatted(subject)));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.NEW_TICKET);
    }

    @Test
    void a_key_of_a_ticket_that_does_not_exist_opens_a_new_ticket() {
        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: Re: [SH-9999] old thread

                Hello?
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.NEW_TICKET);
        assertThat(match.note()).isNull();
    }

    @Test
    void a_reply_to_a_solved_ticket_appends_so_the_intake_can_reopen_it() {
        ThreadTicket solved = lookup.ticket("SH-1002", "solved", "ava@acme.example");

        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: Re: [SH-1002] fixed?

                It broke again.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(solved);
    }

    @Test
    void a_reply_to_a_closed_ticket_opens_a_follow_up_that_names_the_old_one() {
        lookup.ticket("SH-1003", "closed", "ava@acme.example");

        ThreadMatch match = threader.decide(parse("""
                From: ava@acme.example
                Subject: Re: [SH-1003] last year's problem

                It is back.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.FOLLOW_UP_OF_CLOSED);
        assertThat(match.note()).contains("closed ticket SH-1003", "follow-up");
    }
}
