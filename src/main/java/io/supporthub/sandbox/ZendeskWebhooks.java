package io.supporthub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhooks of the simulated account, and their deliveries: each ticket event is posted, signed as Zendesk signs
 * ({@code X-Zendesk-Webhook-Signature} = base64 HMAC-SHA256 of timestamp + body under the webhook's signing secret), to
 * every active webhook that wants it, on a thread of its own so the API call that caused it does not wait. One attempt
 * per event, within Zendesk's 10-second endpoint timeout; what came of it is kept for {@code /_sim/webhooks}.
 */
final class ZendeskWebhooks implements AutoCloseable {

    static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(10);
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** A registered webhook. */
    record Webhook(String id, String name, String endpoint, List<String> subscriptions, String secret, String createdAt, long createdBy) {

        boolean wants(String eventType) {
            return subscriptions.isEmpty() || subscriptions.contains("conditional_ticket_events") || subscriptions.contains(eventType);
        }

        Map<String, Object> render() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id);
            map.put("name", name);
            map.put("status", "active");
            map.put("endpoint", endpoint);
            map.put("http_method", "POST");
            map.put("request_format", "json");
            map.put("subscriptions", subscriptions);
            map.put("created_at", createdAt);
            map.put("created_by", Long.toString(createdBy));
            map.put("updated_at", createdAt);
            map.put("updated_by", Long.toString(createdBy));
            return map;
        }
    }

    private final Clock clock;
    private final Map<String, Webhook> webhooks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Map<String, Object>> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong invocations = new AtomicLong(8_350_205_000L);
    private final SecureRandom random = new SecureRandom();
    // one sender: deliveries go out in the order the changes were made
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "zendesk-simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ENDPOINT_TIMEOUT).build();

    ZendeskWebhooks(Clock clock) {
        this.clock = clock;
    }

    /** Registers a webhook with a signing secret of its own; {@code secret} null draws one as Zendesk does. */
    Webhook register(String name, String endpoint, List<String> subscriptions, String secret, long createdBy) {
        String id = "01" + randomText(CROCKFORD, 24);
        String signingSecret = secret != null ? secret
                : Base64.getEncoder().encodeToString(randomText(CROCKFORD, 32).getBytes(StandardCharsets.US_ASCII));
        Webhook webhook = new Webhook(id, name, endpoint, List.copyOf(subscriptions), signingSecret, ZendeskRecords.time(clock.instant()),
                createdBy);
        webhooks.put(id, webhook);
        return webhook;
    }

    /** A webhook from a Create Webhook request, or the error Zendesk's Webhooks API answers (400 with {@code errors}). */
    ZendeskAnswer create(JsonNode request, long createdBy) {
        JsonNode input = request.path("webhook");
        List<Map<String, Object>> errors = new ArrayList<>();
        String endpoint = input.path("endpoint").asText("");
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            errors.add(error("InvalidInput", "endpoint must be an http(s) URL", "/webhook/endpoint"));
        }
        if (input.path("name").asText("").isBlank()) {
            errors.add(error("InvalidInput", "name is required", "/webhook/name"));
        }
        if (!input.path("http_method").asText("POST").equalsIgnoreCase("POST") || !input.path("request_format").asText("json").equals("json")) {
            errors.add(error("InvalidInput", "the simulator sends POST requests with JSON bodies only", "/webhook/http_method"));
        }
        if (!errors.isEmpty()) {
            return ZendeskAnswer.json(400, Map.of("errors", errors));
        }
        List<String> subscriptions = new ArrayList<>();
        input.path("subscriptions").forEach(s -> subscriptions.add(s.asText()));
        Webhook webhook = register(input.path("name").asText(), endpoint, subscriptions, null, createdBy);
        return ZendeskAnswer.json(201, Map.of("webhook", webhook.render()));
    }

    Webhook find(String id) {
        return webhooks.get(id);
    }

    List<Webhook> all() {
        synchronized (webhooks) {
            return List.copyOf(webhooks.values());
        }
    }

    boolean delete(String id) {
        return webhooks.remove(id) != null;
    }

    /** Forgets every webhook registered after the first {@code kept} (the seeded ones), and every delivery. */
    void keepFirst(int kept) {
        synchronized (webhooks) {
            List<String> ids = new ArrayList<>(webhooks.keySet());
            ids.subList(Math.min(kept, ids.size()), ids.size()).forEach(webhooks::remove);
        }
        deliveries.clear();
    }

    List<Map<String, Object>> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Sends each event (a payload with its {@code type}) to every webhook that wants it, without waiting for any. */
    void publish(List<Map<String, Object>> events) {
        for (Map<String, Object> event : events) {
            for (Webhook webhook : all()) {
                if (webhook.wants(String.valueOf(event.get("type")))) {
                    sender.execute(() -> deliver(webhook, event));
                }
            }
        }
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private void deliver(Webhook webhook, Map<String, Object> event) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        try {
            String body = SimulatorServer.JSON.writeValueAsString(event);
            String timestamp = ZendeskRecords.time(clock.instant());
            String invocation = Long.toString(invocations.incrementAndGet());
            delivery.put("invocation_id", invocation);
            delivery.put("webhook_id", webhook.id());
            delivery.put("endpoint", webhook.endpoint());
            delivery.put("event_type", event.get("type"));
            delivery.put("subject", event.get("subject"));
            delivery.put("timestamp", timestamp);
            delivery.put("signature", sign(webhook.secret(), timestamp, body));
            delivery.put("body", body);
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.endpoint())).timeout(ENDPOINT_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "Zendesk Webhook")
                    .header("X-Zendesk-Account-Id", String.valueOf(event.get("account_id")))
                    .header("X-Zendesk-Webhook-Id", webhook.id()).header("X-Zendesk-Webhook-Invocation-Id", invocation)
                    .header("X-Zendesk-Webhook-Signature", (String) delivery.get("signature"))
                    .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            delivery.put("status", http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.put("error", "interrupted: the simulator is stopping");
        } catch (Exception e) {
            // an endpoint that is down or slow is the receiver's problem, as with Zendesk: the outcome is kept, nothing is thrown
            delivery.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        deliveries.add(delivery);
    }

    private String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Map<String, Object> error(String code, String title, String pointer) {
        return Map.of("code", code, "title", title, "source", Map.of("pointer", pointer));
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
