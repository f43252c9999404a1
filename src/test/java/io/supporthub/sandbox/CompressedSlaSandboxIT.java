package io.supporthub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.app.SandboxLauncher;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo the README describes, end to end in real time: the sandbox on its compressed policy
 * (first response 20 s for P1), a P1 mail from a VIP, and the warning ladder, the breach and the
 * first reminder arriving in the Slack simulator each once, at its moment.
 */
class CompressedSlaSandboxIT {

    /** Each step as a share of the 20 s target, and the words its alert carries. */
    static final Map<String, Duration> LADDER = Map.of(
            "first response 50 % used", Duration.ofSeconds(10),
            "first response 75 % used", Duration.ofSeconds(15),
            "first response 90 % used", Duration.ofSeconds(18),
            "first response breached", Duration.ofSeconds(20),
            "first response overdue by 10s (150 %", Duration.ofSeconds(30));
    /** How late an alert may reach Slack: the sweep's lateness plus the post to the simulator. */
    static final Duration TOLERANCE = Duration.ofMillis(1500);

    @Test
    void a_vip_p1_mail_produces_the_warning_ladder_and_the_breach_in_slack_at_the_right_moments() throws Exception {
        SandboxPorts ports = new SandboxPorts(FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next());
        String database = TestDatabase.create();
        SandboxLauncher.Running running = SandboxLauncher.start(ports, name -> name.equals("HUB_DB_URL") ? database : null, true);
        Sandbox sandbox = running.sandbox();
        Path policies;
        try {
            JsonNode description = SandboxIT.JSON.readTree(SandboxIT.get("http://127.0.0.1:" + ports.http() + "/sandbox.json", null).body());
            policies = Path.of(description.path("sla").path("folder").asText());
            assertThat(policies.resolve("sla-policies.yaml")).exists();
            String token = description.path("api").path("token").asText();

            SandboxIT.sendMail(ports.smtp(), "ava@acme.example", "Everything is down", "Urgent: production is down for all users, nobody can work.");

            JsonNode ticket = await().atMost(Duration.ofSeconds(10)).until(() -> SandboxIT.JSON.readTree(
                    SandboxIT.get("http://127.0.0.1:" + ports.http() + "/api/v1/tickets", token).body()).path("items"), l -> l.size() == 1).get(0);
            String key = ticket.path("key").asText();
            JsonNode full = SandboxIT.JSON.readTree(SandboxIT.get("http://127.0.0.1:" + ports.http() + "/api/v1/tickets/" + key, token).body());
            JsonNode firstResponse = null;
            for (JsonNode clock : full.path("sla")) {
                if (clock.path("metric").asText().equals("first_response")) {
                    firstResponse = clock;
                }
            }
            assertThat(firstResponse).isNotNull();
            assertThat(firstResponse.path("policy").asText()).isEqualTo("demo-p1");
            Instant started = Instant.parse(firstResponse.path("started_at").asText());

            await().atMost(Duration.ofSeconds(45)).until(() -> alerts(sandbox, key, "first response overdue").size() == 1);

            for (Map.Entry<String, Duration> step : LADDER.entrySet()) {
                List<Map<String, Object>> alerts = alerts(sandbox, key, step.getKey());
                assertThat(alerts).as("one alert for '%s'", step.getKey()).hasSize(1);
                Instant received = Instant.parse(alerts.get(0).get("received_at").toString());
                Instant due = started.plus(step.getValue());
                assertThat(received).as("'%s' due at %s", step.getKey(), due).isBetween(due, due.plus(TOLERANCE));
            }
            assertThat(alerts(sandbox, key, "")).extracting(m -> m.get("text").toString())
                    .anySatisfy(text -> assertThat(text).startsWith("P1 · critical priority"))
                    .anySatisfy(text -> assertThat(text).contains("Manager notice"));
        } finally {
            running.close();
        }
        assertThat(Files.exists(policies)).as("the demo policies are removed with the sandbox").isFalse();
    }

    private static List<Map<String, Object>> alerts(Sandbox sandbox, String key, String words) {
        return sandbox.services().slack.messages().stream()
                .filter(m -> m.get("text") != null && m.get("text").toString().contains(key) && m.get("text").toString().contains(words))
                .toList();
    }
}
