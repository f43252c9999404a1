package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What Zendesk said when it refused a request, read from any of the bodies it answers errors with:
 * {@code {"error": "RecordInvalid", "description": …, "details": {field: [{description, error}]}}},
 * {@code {"error": {"title": …, "message": …}}} (an address with no help desk), the JSON:API form
 * {@code {"errors": [{"code", "title", "detail"}]}}, or plain text (a rate limit's answer).
 *
 * @param error       Zendesk's code or short message, e.g. RecordNotFound; empty when it gave none
 * @param description its longer words, e.g. "Record validation errors"; empty when it gave none
 * @param details     the failing fields, e.g. "requester: Requester: Email is invalid"; empty when none
 */
public record ZendeskError(String error, String description, String details) {

    private static final int MAX_TEXT = 300;

    public static final ZendeskError NONE = new ZendeskError("", "", "");

    public ZendeskError {
        error = error == null ? "" : oneLine(error);
        description = description == null ? "" : oneLine(description);
        details = details == null ? "" : oneLine(details);
    }

    /** Reads an error body; never fails: a body that is not JSON is kept as its first words. */
    public static ZendeskError read(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode json;
        try {
            json = ZendeskJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return new ZendeskError(body.replaceAll("<[^>]*>", " "), "", "");
        }
        if (json == null || !json.isObject()) {
            return new ZendeskError(body, "", "");
        }
        JsonNode error = json.path("error");
        if (error.isObject()) {
            return new ZendeskError(error.path("title").asText(""), error.path("message").asText(""), details(json.path("details")));
        }
        if (json.path("errors").isArray() && !error.isTextual()) {
            return fromList(json.path("errors"));
        }
        return new ZendeskError(error.asText(""), json.path("description").asText(""), details(json.path("details")));
    }

    private static ZendeskError fromList(JsonNode errors) {
        List<String> codes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (JsonNode e : errors) {
            codes.add(e.path("code").asText(e.path("title").asText("")));
            words.add(e.path("detail").asText(e.path("title").asText("")));
        }
        return new ZendeskError(String.join(", ", codes), String.join("; ", words), "");
    }

    /** "field: description; other: description", from {@code details} as Zendesk groups them by field. */
    private static String details(JsonNode details) {
        if (!details.isObject()) {
            return details.isTextual() ? details.asText() : "";
        }
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = details.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> said = new ArrayList<>();
            for (JsonNode item : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
                said.add(item.isObject() ? item.path("description").asText(item.path("error").asText("")) : item.asText());
            }
            parts.add(field.getKey() + ": " + String.join(", ", said));
        }
        return String.join("; ", parts);
    }

    /** Everything Zendesk said, in one line: "RecordInvalid: Record validation errors (requester: Email is invalid)". */
    public String said() {
        StringBuilder text = new StringBuilder(error);
        if (!description.isEmpty() && !description.equals(error)) {
            text.append(text.isEmpty() ? "" : ": ").append(description);
        }
        if (!details.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append('(').append(details).append(')');
        }
        return text.toString();
    }

    public boolean isEmpty() {
        return error.isEmpty() && description.isEmpty() && details.isEmpty();
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT) + "…" : line;
    }
}
