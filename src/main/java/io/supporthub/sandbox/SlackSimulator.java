package io.supporthub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for Slack: incoming webhooks ({@code POST /services/T…/B…/…}, answering "ok")
 * and the Web API's chat.postMessage and auth.test with a bot token. {@code GET /_sim/messages}
 * lists the messages it has received.
 */
final class SlackSimulator extends SimulatorServer {

    static final String WEBHOOK_PATH = "/services/T0SANDBOX/B0SANDBOX/sandboxWebhookSecret";
    static final String BOT_TOKEN = "xoxb-sandbox-token";

    private final List<Map<String, Object>> messages = Collections.synchronizedList(new ArrayList<>());

    SlackSimulator(int port) throws IOException {
        super(port);
    }

    List<Map<String, Object>> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    boolean handle(HttpExchange exchange, String body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/_sim/messages") && method.equals("GET")) {
            respond(exchange, 200, "application/json", JSON.writeValueAsString(messages()));
            return true;
        }
        if (path.startsWith("/services/") && method.equals("POST")) {
            if (!path.equals(WEBHOOK_PATH)) {
                respond(exchange, 404, "text/plain", "no_service");
                return true;
            }
            JsonNode payload = JSON.readTree(body);
            if (!payload.hasNonNull("text") && !payload.hasNonNull("blocks")) {
                // as Slack answers a message with nothing to post: a connection test's probe, which posts nothing
                respond(exchange, 400, "text/plain", "no_text");
                return true;
            }
            record("webhook", payload.path("channel").asText(null), payload);
            respond(exchange, 200, "text/plain", "ok");
            return true;
        }
        if (path.equals("/api/auth.test") && method.equals("POST")) {
            respond(exchange, 200, "application/json", authorized(exchange)
                    ? "{\"ok\":true,\"url\":\"https://sandbox.slack.com/\",\"team\":\"Sandbox\",\"user\":\"support-hub\",\"team_id\":\"T0SANDBOX\",\"user_id\":\"U0SANDBOX\",\"bot_id\":\"B0SANDBOX\"}"
                    : "{\"ok\":false,\"error\":\"not_authed\"}");
            return true;
        }
        if (path.equals("/api/chat.postMessage") && method.equals("POST")) {
            postMessage(exchange, body);
            return true;
        }
        return false;
    }

    private void postMessage(HttpExchange exchange, String body) throws IOException {
        if (!authorized(exchange)) {
            respond(exchange, 200, "application/json", "{\"ok\":false,\"error\":\"not_authed\"}");
            return;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        JsonNode payload;
        if (contentType.startsWith("application/json")) {
            payload = JSON.readTree(body);
        } else {
            Map<String, String> form = form(body);
            Map<String, Object> fields = new LinkedHashMap<>(form);
            if (form.containsKey("blocks")) {
                fields.put("blocks", JSON.readTree(form.get("blocks")));
            }
            payload = JSON.valueToTree(fields);
        }
        String channel = payload.path("channel").asText("");
        if (channel.isEmpty()) {
            respond(exchange, 200, "application/json", "{\"ok\":false,\"error\":\"channel_not_found\"}");
            return;
        }
        String ts = String.format("%d.%06d", System.currentTimeMillis() / 1000, messages.size() + 1);
        record("chat.postMessage", channel, payload);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("channel", "C0SANDBOX");
        answer.put("ts", ts);
        answer.put("message", Map.of("type", "message", "text", payload.path("text").asText(""), "ts", ts, "bot_id", "B0SANDBOX"));
        respond(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private static boolean authorized(HttpExchange exchange) {
        return ("Bearer " + BOT_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private void record(String via, String channel, JsonNode payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("via", via);
        message.put("channel", channel);
        message.put("text", payload.path("text").asText(null));
        message.put("blocks", payload.path("blocks").isMissingNode() ? null : payload.path("blocks"));
        message.put("received_at", java.time.Instant.now().toString());
        messages.add(message);
    }
}
