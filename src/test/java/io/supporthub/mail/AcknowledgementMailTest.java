package io.supporthub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AcknowledgementMailTest {

    @Test
    void an_acknowledgement_threads_to_the_customer_mail_and_tells_auto_responders_to_stay_quiet() {
        OutboundMail mail = new AcknowledgementMail("hub.example.com", "Acme Support").render("ann@example.com",
                Map.of("ticket_key", "SH-1042", "subject", "Cannot log in", "priority", "P2", "requester_name", "Ann",
                        "in_reply_to", "<abc@example.com>"));
        assertThat(mail.subject()).isEqualTo("[SH-1042] Re: Cannot log in");
        assertThat(mail.headers()).containsEntry("Auto-Submitted", "auto-replied").containsEntry("In-Reply-To", "<abc@example.com>")
                .containsEntry("References", "<abc@example.com>").containsEntry("X-SupportHub-Ticket", "SH-1042");
        assertThat(mail.headers().get("Message-ID")).startsWith("<ack.SH-1042.").endsWith("@hub.example.com>");
        assertThat(mail.text()).contains("Hello Ann,").contains("SH-1042");
    }
}
