package io.supporthub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SatisfactionFollowUpMailTest {

    @Test
    void the_follow_up_carries_a_rating_link_per_score_the_ticket_token_and_marks_itself_automatic() {
        OutboundMail mail = new SatisfactionFollowUpMail("hub.example.com", "Acme Support", "https://hub.example.com/survey")
                .render("ann@example.com", Map.of("ticket_key", "SH-42", "subject", "Printer on fire", "requester_name", "Ann",
                        "survey_token", "tok3n"));

        assertThat(mail.subject()).isEqualTo("[SH-42] How did we do? Printer on fire");
        assertThat(mail.text()).startsWith("Hello Ann,").contains("https://hub.example.com/survey/tok3n?score=5",
                "https://hub.example.com/survey/tok3n?score=1", "keep [SH-42] in the subject");
        assertThat(mail.headers()).containsEntry("Auto-Submitted", "auto-generated").containsEntry(AcknowledgementMail.TICKET_HEADER, "SH-42");
        assertThat(mail.headers().get("Message-ID")).startsWith("<csat.SH-42.").endsWith("@hub.example.com>");
    }
}
