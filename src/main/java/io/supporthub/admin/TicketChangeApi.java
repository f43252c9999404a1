package io.supporthub.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.sla.lifecycle.ChangeRejected;
import io.supporthub.sla.lifecycle.TicketChanges;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON face of ticket changes: {@code PATCH /api/v1/tickets/{key}} (status, priority, with the
 * version read last), {@code POST .../comments} (public reply or internal note) and
 * {@code POST .../satisfaction} (a rating). Parses and checks requests; the change itself is
 * {@link TicketChanges}'s.
 */
public class TicketChangeApi {

    static final int MAX_COMMENT = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TicketChanges changes;

    public TicketChangeApi(TicketChanges changes) {
        this.changes = changes;
    }

    /** {@code {"version": n, "status"?, "priority"?, "actor"?}}: at least one of status and priority. */
    public TicketChanges.Outcome patch(String key, String body) {
        JsonNode node = object(body, Set.of("version", "status", "priority", "actor"));
        if (!node.has("version") || !node.get("version").canConvertToInt() || !node.get("version").isIntegralNumber()) {
            throw ApiException.badRequest("version is required: the ticket's version as you last read it (optimistic locking)");
        }
        String status = optionalText(node, "status");
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT);
            if (!TicketChanges.STATUSES.contains(status)) {
                throw ApiException.badRequest("status must be one of new, open, pending_customer, on_hold, solved, closed; got '" + status + "'");
            }
        }
        String priority = optionalText(node, "priority");
        if (priority != null) {
            priority = priority.toUpperCase(Locale.ROOT);
            if (!TicketChanges.PRIORITIES.contains(priority)) {
                throw ApiException.badRequest("priority must be one of P1, P2, P3, P4; got '" + priority + "'");
            }
        }
        if (status == null && priority == null) {
            throw ApiException.badRequest("nothing to change: give status and/or priority");
        }
        String actor = optionalText(node, "actor");
        int version = node.get("version").asInt();
        String s = status;
        String p = priority;
        return guarded(() -> changes.change(key, version, s, p, actor == null ? "agent" : actor));
    }

    /** {@code {"body", "author", "visibility": "public"|"internal" (default public), "version"?}}. */
    public TicketChanges.Outcome comment(String key, String body) {
        JsonNode node = object(body, Set.of("body", "author", "visibility", "version"));
        String text = requiredText(node, "body", MAX_COMMENT);
        String author = requiredText(node, "author", 320);
        String visibility = optionalText(node, "visibility");
        visibility = visibility == null ? "public" : visibility.toLowerCase(Locale.ROOT);
        if (!List.of("public", "internal").contains(visibility)) {
            throw ApiException.badRequest("visibility must be public (a reply the customer sees) or internal (a note); got '" + visibility + "'");
        }
        Integer version = null;
        if (node.hasNonNull("version")) {
            if (!node.get("version").isIntegralNumber()) {
                throw ApiException.badRequest("version must be a whole number");
            }
            version = node.get("version").asInt();
        }
        boolean isPublic = visibility.equals("public");
        Integer v = version;
        return guarded(() -> changes.comment(key, v, isPublic, author, text, author));
    }

    /** {@code {"score": 1-5, "comment"?, "source"?}}. */
    public TicketChanges.Outcome rate(String key, String body) {
        JsonNode node = object(body, Set.of("score", "comment", "source"));
        JsonNode score = node.get("score");
        if (score == null || !score.isIntegralNumber()) {
            throw ApiException.badRequest("score is required: a whole number from 1 (poor) to 5 (excellent)");
        }
        String source = optionalText(node, "source");
        return guarded(() -> changes.rate(key, score.asInt(), optionalText(node, "comment"), source == null ? "api" : source));
    }

    /** The confirmation page of a rating link: one button that posts the score back. */
    public String surveyPage(String token, String score) {
        int value = score(score);
        String action = java.net.URLEncoder.encode(token == null ? "" : token, java.nio.charset.StandardCharsets.UTF_8);
        return "<!doctype html><meta charset=\"utf-8\"><title>Rate your request</title>"
                + "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"score\" value=\"" + value + "\">"
                + "<p>Rate the help you received " + value + " out of 5?</p><button type=\"submit\">Send my rating</button></form>\n";
    }

    /** The confirmed rating from the survey page: a form body {@code score=n}. */
    public TicketChanges.Outcome survey(String token, String form) {
        String score = null;
        for (String pair : (form == null ? "" : form).split("&")) {
            if (pair.startsWith("score=")) {
                score = java.net.URLDecoder.decode(pair.substring(6), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        int value = score(score);
        return guarded(() -> changes.rateBySurvey(token, value));
    }

    private static int score(String score) {
        try {
            int value = Integer.parseInt(score == null ? "" : score.strip());
            if (value >= 1 && value <= 5) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("score must be a whole number from 1 to 5");
    }

    private static TicketChanges.Outcome guarded(java.util.function.Supplier<TicketChanges.Outcome> change) {
        try {
            return change.get();
        } catch (ChangeRejected e) {
            int status = switch (e.reason()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case INVALID -> 422;
            };
            throw new ApiException(status, e.getMessage());
        }
    }

    private static JsonNode object(String body, Set<String> fields) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body must be a JSON object with fields " + String.join(", ", new java.util.TreeSet<>(fields)));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "'; known: " + String.join(", ", new java.util.TreeSet<>(fields)));
            }
        }
        return node;
    }

    private static String requiredText(JsonNode node, String field, int maxLength) {
        String value = optionalText(node, field);
        if (value == null) {
            throw ApiException.badRequest(field + " is required and must be a non-empty string");
        }
        if (value.length() > maxLength) {
            throw ApiException.badRequest(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(field + " must be a non-empty string");
        }
        return value.asText();
    }
}
