package io.supporthub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * The Zendesk simulator's own endpoints, beside the API and without its authentication or limits:
 * <ul>
 * <li>{@code POST /_sim/faults} {@code {"status":429,"retry_after":3,"count":5}}, {@code {"status":500,"count":2}},
 *     {@code {"delay_ms":3000,"count":1}} (optional {@code method}, {@code path} prefix, {@code body}); {@code GET} lists the
 *     pending ones, {@code DELETE} drops them;</li>
 * <li>{@code GET /_sim/limits}, {@code POST /_sim/limits} {@code {"account_per_minute":700,"export_lag_seconds":60}}: the
 *     rate limits in force (changing them starts every window afresh);</li>
 * <li>{@code GET /_sim/webhooks}: every webhook delivery and what came of it;</li>
 * <li>{@code GET /_sim/tickets}: every ticket with all its comments;</li>
 * <li>{@code POST /_sim/reset}: back to the seeded account (ids are not handed out again).</li>
 * </ul>
 * {@code GET /_sim/requests}, what the API received, is the base simulator's.
 */
final class ZendeskInspection {

    private ZendeskInspection() {
    }

    static boolean serve(HttpExchange exchange, String body, ZendeskFaults faults, ZendeskRateLimits limits, ZendeskApi api,
                         Runnable reset) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            switch (method + " " + path) {
                case "GET /_sim/faults" -> answer(exchange, 200, faults.pending());
                case "POST /_sim/faults" -> answer(exchange, 201, faults.add(json(body)));
                case "DELETE /_sim/faults" -> {
                    faults.clear();
                    answer(exchange, 200, faults.pending());
                }
                case "GET /_sim/limits" -> answer(exchange, 200, limits.limits().asMap());
                case "POST /_sim/limits" -> {
                    limits.reset(limits.limits().with(json(body)));
                    answer(exchange, 200, limits.limits().asMap());
                }
                case "GET /_sim/webhooks" -> answer(exchange, 200, api.webhooks.deliveries());
                case "GET /_sim/tickets" -> answer(exchange, 200, api.snapshot());
                case "POST /_sim/reset" -> {
                    reset.run();
                    answer(exchange, 200, Map.of("reset", true));
                }
                default -> {
                    return false;
                }
            }
        } catch (JsonProcessingException e) {
            answer(exchange, 400, Map.of("error", "the body is not JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            answer(exchange, 400, Map.of("error", e.getMessage()));
        }
        return true;
    }

    private static JsonNode json(String body) throws JsonProcessingException {
        JsonNode node = SimulatorServer.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        if (!node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return node;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        SimulatorServer.respond(exchange, status, "application/json", SimulatorServer.JSON.writeValueAsString(body));
    }
}
