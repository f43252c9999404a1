package io.supporthub.mail.threading;

import static io.supporthub.mail.threading.FakeThreadLookup.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Signal 3: another helpdesk's ticket number in the subject, found through external_link. */
class ForeignNumberThreadingTest {

    private final FakeThreadLookup lookup = new FakeThreadLookup();
    private final ThreadTicket ticket = lookup.ticket("SH-1001", "open", "erin@globex.example");
    private final MailThreader threader = new MailThreader(lookup);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "servicenow|INC0012345|Re: INC0012345 - Email server unreachable",
            "servicenow|RITM0001002|RE: Requested item RITM0001002 has been approved",
            "zendesk|123|Re: [Globex] Update on your request #123",
            "zendesk|4711|Request #4711: Printer on fire",
            "salesforce|00001026|Re: Case 00001026: login fails ref:_00D5e_5005e:ref"})
    void a_reply_naming_a_linked_foreign_ticket_appends_to_our_ticket(String system, String number, String subject) {
        lookup.link(ticket, system, number);

        ThreadMatch match = threader.decide(parse("""
                From: Erin <erin@globex.example>
                Subject: %s
                Message-ID: <f1@globex.example>

                Any news?
                """.formatted(subject)));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.APPEND);
        assertThat(match.ticket()).isEqualTo(ticket);
        assertThat(match.signal()).isEqualTo(ThreadSignal.FOREIGN_NUMBER);
        assertThat(match.reason()).contains(system + " " + number);
    }

    @Test
    void a_foreign_number_nobody_linked_opens_a_new_ticket() {
        ThreadMatch match = threader.decide(parse("""
                From: erin@globex.example
                Subject: INC0099999 printer

                Hello.
                """));

        assertThat(match.kind()).isEqualTo(ThreadMatch.Kind.NEW_TICKET);
    }

    @Test
    void numbers_are_read_per_system_and_hex_colours_or_phone_numbers_are_not_numbers() {
        assertThat(ForeignNumbers.find("Re: INC0012345 and Case 00001026, see #77"))
                .containsExactly(new ForeignNumber("servicenow", "INC0012345"), new ForeignNumber("salesforce", "00001026"),
                        new ForeignNumber("zendesk", "77"));
        assertThat(ForeignNumbers.find("call +49-030-12345678 about colour &#123;")).isEmpty();
    }

    @Test
    void the_key_in_the_subject_outranks_a_foreign_number() {
        ThreadTicket other = lookup.ticket("SH-1002", "open", "erin@globex.example");
        lookup.link(other, "servicenow", "INC0012345");

        ThreadMatch match = threader.decide(parse("""
                From: erin@globex.example
                Subject: Re: [SH-1001] INC0012345

                Both?
                """));

        assertThat(match.ticket()).isEqualTo(ticket);
        assertThat(match.signal()).isEqualTo(ThreadSignal.SUBJECT_KEY);
    }
}
