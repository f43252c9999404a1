package io.supporthub.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.Message;
import com.slack.api.model.block.SectionBlock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackAlertComposerTest {

    @Test
    void an_alert_links_the_ticket_and_escapes_customer_text() {
        Message message = new SlackAlertComposer("https://hub.example.com/api/v1/tickets").compose(Map.of(
                "ticket_key", "SH-7", "priority", "P1", "alert_reason", "VIP customer", "subject", "<script> & down",
                "account", "Acme", "customer_tier", "vip", "tier", "T3", "queue", "emergency", "category", "outage"));
        SectionBlock headline = (SectionBlock) message.getBlocks().get(0);
        assertThat(headline.getText().getText()).contains("<https://hub.example.com/api/v1/tickets/SH-7|SH-7>")
                .contains("&lt;script&gt; &amp; down");
        assertThat(message.getText()).startsWith("P1 · VIP customer: SH-7");
        assertThat(((SectionBlock) message.getBlocks().get(1)).getFields()).hasSize(4);
    }
}
