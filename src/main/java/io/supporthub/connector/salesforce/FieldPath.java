package io.supporthub.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A field of the requester's Contact as SOQL names it, e.g. {@code Account.Customer_Tier__c} or
 * {@code Account.Owner.Name}: API names joined by dots, at most five relationship hops (SOQL's limit).
 * The path becomes part of the query text, so only Salesforce API names are accepted.
 */
public record FieldPath(List<String> segments) {

    /** Letters, digits and single underscores, starting with a letter; custom names end in __c / __r (and may carry a namespace__). */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:__?[A-Za-z0-9]+)*");
    private static final int MAX_SEGMENTS = 6;

    public FieldPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("a field path has one to " + MAX_SEGMENTS + " names joined by dots");
        }
        for (String name : segments) {
            if (name.length() > 80 || !API_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a Salesforce API name (letters, digits and underscores, starting with a letter)");
            }
        }
    }

    /** Parses {@code Account.Owner.Name}; throws IllegalArgumentException with the reason when it is not a field path. */
    public static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a field path is required");
        }
        return new FieldPath(List.of(text.strip().split("\\.", -1)));
    }

    public String soql() {
        return String.join(".", segments);
    }

    /** The value at this path in a record of the REST API's JSON (relationships are nested objects); missing or null is null. */
    public JsonNode valueIn(JsonNode record) {
        JsonNode node = record;
        for (String name : segments) {
            node = node == null || node.isNull() ? null : node.get(name);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    @Override
    public String toString() {
        return soql();
    }
}
