package io.supporthub.sandbox;

import com.sun.net.httpserver.HttpExchange;
import io.supporthub.sandbox.ZendeskUsers.User;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local stand-in for a Zendesk Support account, answering the Support API v2 (tickets, comments, users, uploads, the
 * cursor-based incremental ticket export, webhooks) in Zendesk's shapes, with its authentication, error bodies and
 * documented rate limits, and sending signed webhooks when a ticket is created or updated. Its state lives as long as
 * the simulator. {@code /_sim/…} lets a test or an operator inject faults, change the limits, see the deliveries and
 * the whole state, and start over.
 */
final class ZendeskSimulator extends SimulatorServer {

    static final String INTEGRATION_EMAIL = "hub-integration@sandbox.local";
    static final String AGENT_EMAIL = "agent@sandbox.local";
    static final String API_TOKEN = "sandbox-zendesk-api-token";
    static final String OAUTH_TOKEN = "sandbox-zendesk-oauth-token";
    static final String WEBHOOK_SECRET = "sandbox-zendesk-webhook-signing-secret";
    static final long ACCOUNT_ID = 9_000_001L;
    /** Zendesk's attachment limit; a larger upload is refused with 413 before it is read. */
    private static final int MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

    private final ZendeskRateLimits limits;
    private final ZendeskFaults faults = new ZendeskFaults();
    private final ZendeskApi api;
    private final long integrationUserId;
    private final long agentUserId;

    /** @param webhookEndpoint where the seeded webhook posts (the hub's {@code /webhooks/zendesk}), or null for none */
    ZendeskSimulator(int port, String webhookEndpoint) throws IOException {
        this(port, webhookEndpoint, Clock.systemUTC(), ZendeskLimits.TEAM_PLAN);
    }

    ZendeskSimulator(int port, String webhookEndpoint, Clock clock, ZendeskLimits limits) throws IOException {
        super(port, 16, MAX_UPLOAD_BYTES);
        this.limits = new ZendeskRateLimits(clock, limits);
        this.api = new ZendeskApi(clock, baseUrl(), ACCOUNT_ID, API_TOKEN);
        Instant now = clock.instant();
        User integration = api.users.add("Support Hub Integration", INTEGRATION_EMAIL, ZendeskUsers.ADMIN, null, now);
        User agent = api.users.add("Alex Agent", AGENT_EMAIL, ZendeskUsers.AGENT, null, now);
        this.integrationUserId = integration.id;
        this.agentUserId = agent.id;
        api.addOAuthToken(OAUTH_TOKEN, integration.id);
        if (webhookEndpoint != null) {
            api.webhooks.register("Support Hub", webhookEndpoint, List.of("conditional_ticket_events"), WEBHOOK_SECRET, integration.id);
        }
        api.markSeeded();
    }

    long integrationUserId() {
        return integrationUserId;
    }

    long agentUserId() {
        return agentUserId;
    }

    List<Map<String, Object>> webhookDeliveries() {
        return api.webhooks.deliveries();
    }

    /** The entry {@code sandbox.json} lists: where it is, how to sign in, and how to inspect it. */
    Map<String, Object> description() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "zendesk");
        d.put("url", baseUrl());
        d.put("inspect", baseUrl() + "/_sim/requests");
        d.put("implements", "Support API v2: tickets, comments, users, uploads, incremental cursor export, webhooks (signed); "
                + "Team-plan rate limits; faults on demand at /_sim/faults");
        d.put("api_user", Map.of("email", INTEGRATION_EMAIL, "id", integrationUserId, "role", "admin"));
        d.put("agent_user", Map.of("email", AGENT_EMAIL, "id", agentUserId, "role", "agent"));
        d.put("api_token", API_TOKEN);
        d.put("basic_auth", INTEGRATION_EMAIL + "/token:" + API_TOKEN);
        d.put("oauth_token", OAUTH_TOKEN);
        d.put("webhook_signing_secret", WEBHOOK_SECRET);
        d.put("example", "curl -u '" + AGENT_EMAIL + "/token:" + API_TOKEN + "' " + baseUrl() + "/api/v2/tickets.json");
        d.put("simulator_endpoints", "GET/POST/DELETE /_sim/faults, GET/POST /_sim/limits, GET /_sim/webhooks, GET /_sim/tickets, "
                + "POST /_sim/reset, GET /_sim/requests");
        return d;
    }

    @Override
    boolean handle(HttpExchange exchange, String body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/_sim/")) {
            return ZendeskInspection.serve(exchange, body, faults, limits, api, this::reset);
        }
        if (path.startsWith("/attachments/token/") && method.equals("GET")) {
            download(exchange, path.substring("/attachments/token/".length()).replaceAll("/.*", ""));
            return true;
        }
        if (!path.startsWith("/api/v2/")) {
            return false;
        }
        Optional<ZendeskFaults.Fault> fault = faults.take(method, path);
        if (fault.isPresent()) {
            delay(fault.get().delayMillis());
            Optional<ZendeskAnswer> faulty = fault.get().answer();
            if (faulty.isPresent()) {
                write(exchange, faulty.get());
                return true;
            }
        }
        Optional<User> actor = api.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (actor.isEmpty()) {
            write(exchange, ZendeskAnswer.unauthenticated().withHeader("WWW-Authenticate", "Basic realm=\"Web Password\""));
            return true;
        }
        Optional<ZendeskAnswer> tooMany = limits.takeAccountRequest();
        if (tooMany.isPresent()) {
            write(exchange, tooMany.get());
            return true;
        }
        ZendeskApi.Call call = new ZendeskApi.Call(method, path.endsWith(".json") ? path.substring(0, path.length() - 5) : path,
                form(exchange.getRequestURI().getRawQuery()), body, rawBody(exchange), exchange.getRequestHeaders().getFirst("Content-Type"));
        ZendeskApi.Result result = api.serve(call, actor.get(), limits);
        api.webhooks.publish(result.events());
        write(exchange, result.answer());
        return true;
    }

    /** Back to the seed: state, faults, rate-limit windows (under the limits in force), recorded requests and deliveries. */
    private void reset() {
        api.reset();
        faults.clear();
        limits.reset(limits.limits());
        clearReceived();
    }

    private void download(HttpExchange exchange, String key) throws IOException {
        Optional<ZendeskUploads.Attachment> attachment = api.download(key);
        if (attachment.isEmpty()) {
            write(exchange, ZendeskAnswer.notFound());
            return;
        }
        byte[] content = attachment.get().content();
        exchange.getResponseHeaders().set("Content-Type", attachment.get().contentType());
        exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    /** Writes an API answer with the rate-limit headers Zendesk puts on every one. */
    private void write(HttpExchange exchange, ZendeskAnswer answer) throws IOException {
        limits.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        String text = answer.body() == null ? "" : answer.body() instanceof String s ? s : JSON.writeValueAsString(answer.body());
        respond(exchange, answer.status(), answer.contentType(), text);
    }

    private static void delay(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            // a slow Zendesk: the request is served after the delay, so it takes effect even if the client gave up
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            api.webhooks.close();
        }
    }
}
