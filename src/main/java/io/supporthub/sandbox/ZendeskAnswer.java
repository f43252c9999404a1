package io.supporthub.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of the Zendesk simulator: a status, a JSON body (or text), and headers, with the error bodies written
 * the way Zendesk writes them.
 */
record ZendeskAnswer(int status, Object body, String contentType, Map<String, String> headers) {

    static ZendeskAnswer json(int status, Object body) {
        return new ZendeskAnswer(status, body, "application/json; charset=utf-8", Map.of());
    }

    static ZendeskAnswer noContent() {
        return new ZendeskAnswer(204, null, "application/json; charset=utf-8", Map.of());
    }

    ZendeskAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ZendeskAnswer(status, body, contentType, more);
    }

    /** {@code {"error":"RecordNotFound","description":"Not found"}}, as Zendesk answers an id it does not have. */
    static ZendeskAnswer notFound() {
        return json(404, error("RecordNotFound", "Not found"));
    }

    /** A path Zendesk does not serve. */
    static ZendeskAnswer invalidEndpoint() {
        return json(404, error("InvalidEndpoint", "Not found"));
    }

    static ZendeskAnswer unauthenticated() {
        return json(401, Map.of("error", "Couldn't authenticate you"));
    }

    static ZendeskAnswer forbidden() {
        return json(403, error("Forbidden", "You do not have access to this page. Please contact the account owner of this help desk for further help."));
    }

    static ZendeskAnswer badRequest(String error, String description) {
        return json(400, error(error, description));
    }

    /**
     * {@code 422 {"error":"RecordInvalid","description":"Record validation errors","details":{field:[{description,error}]}}},
     * Zendesk's answer to a value it refuses.
     */
    static ZendeskAnswer invalid(String field, String error, String description) {
        Map<String, Object> body = error("RecordInvalid", "Record validation errors");
        body.put("details", Map.of(field, List.of(Map.of("description", description, "error", error))));
        return json(422, body);
    }

    private static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("description", description);
        return body;
    }
}
