package io.supporthub.mail.threading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which foreign numbers in a subject a new ticket is linked to: those its system's own word names. */
class ForeignNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "servicenow|INC0012345|Re: INC0012345 - Email server unreachable",
            "zendesk|123|Re: [Globex] Update on your request #123",
            "zendesk|4711|Request #4711: Printer on fire",
            "zendesk|88|Zendesk #88 still open",
            "salesforce|00001026|Re: Case 00001026: login fails",
            "salesforce|00001027|Case #00001027 reopened"})
    void a_number_named_by_its_system_links_a_new_ticket(String system, String number, String subject) {
        assertThat(ForeignNumbers.named(subject)).containsExactly(new ForeignNumber(system, number));
    }

    @Test
    void a_bare_number_threads_but_links_nothing() {
        String subject = "[Order #100042] where is my parcel, ref 00001234";

        assertThat(ForeignNumbers.find(subject)).extracting(ForeignNumber::system).containsExactlyInAnyOrder("zendesk", "salesforce");
        assertThat(ForeignNumbers.named(subject)).isEmpty();
    }
}
