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

    @Test
    void an_sla_warning_shows_the_time_left_and_a_breach_reminder_how_long_it_is_overdue() {
        SlackAlertComposer composer = new SlackAlertComposer("https://hub.example.com/api/v1/tickets/");
        Map<String, Object> warning = new java.util.HashMap<>(Map.of("ticket_key", "SH-9", "priority", "P1", "subject", "Down",
                "alert", "sla_warning", "alert_reason", "first response 75 % used: 3m 45s left of 15m", "requester", "ava@acme.example",
                "customer_tier", "vip", "tier", "T3", "queue", "emergency", "category", "outage"));
        warning.putAll(Map.of("policy", "email-p1", "step", 75, "due_at", "2026-11-23T10:15:00Z", "fired_at", "2026-11-23T10:11:15Z"));

        Message message = composer.compose(warning);

        assertThat(message.getText()).startsWith("P1 · SLA warning · first response 75 % used: 3m 45s left of 15m: SH-9");
        assertThat(((SectionBlock) message.getBlocks().get(1)).getFields()).extracting(f -> f.getText())
                .contains("*Time left*\n3m 45s (due 2026-11-23T10:15:00Z)", "*Customer tier*\nvip", "*Routed to*\nT3 / emergency");
        warning.putAll(Map.of("alert", "sla_reminder", "fired_at", "2026-11-23T10:22:30Z"));
        assertThat(((SectionBlock) composer.compose(warning).getBlocks().get(1)).getFields()).extracting(f -> f.getText())
                .contains("*Overdue*\n7m 30s (was due 2026-11-23T10:15:00Z)");
        assertThat(composer.compose(warning).getText()).startsWith("P1 · SLA still breached");
    }
}
