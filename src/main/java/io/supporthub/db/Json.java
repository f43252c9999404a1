package io.supporthub.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PGobject;

/** The hub's JSON outside the API's views: maps to and from PostgreSQL jsonb, and strings quoted for JSON written by hand. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static PGobject jsonb(Map<String, ?> value) throws SQLException {
        PGobject json = new PGobject();
        json.setType("jsonb");
        try {
            json.setValue(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not serialisable as JSON", e);
        }
        return json;
    }

    /** A JSON string literal: quoted, with quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always serialisable", e);
        }
    }

    public static Map<String, Object> map(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored jsonb is not an object: " + e.getOriginalMessage(), e);
        }
    }
}
