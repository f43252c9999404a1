package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * How the hub reads and writes Zendesk's JSON: snake_case names, ISO-8601 instants, and tolerance of
 * every field it does not know (Zendesk adds fields without a new API version). What it sends leaves
 * out what it does not set, so a request never clears a field by accident.
 */
final class ZendeskJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // values and map entries alike: the requests are maps, and an unset field must not be sent as null
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));

    private ZendeskJson() {
    }

    /** Reads one of Zendesk's answers, e.g. {@code {"ticket": {…}}} as a {@link TicketAnswer}. */
    static <T> T read(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a request the hub builds always serializes", e);
        }
    }

    /** {@code {"ticket": {…}}}: the answer of create, show and update ticket. */
    record TicketAnswer(ZendeskTicket ticket) {
    }

    /** {@code {"user": {…}}}: the answer of show self and create-or-update user. */
    record UserAnswer(ZendeskUser user) {
    }

    /** {@code {"users": […]}}: the answer of search users. */
    record UsersAnswer(java.util.List<ZendeskUser> users) {

        public UsersAnswer {
            users = users == null ? java.util.List.of() : java.util.List.copyOf(users);
        }
    }

    /** {@code {"upload": {"token": …, "attachment": {…}}}}: the answer of upload file. */
    record UploadAnswer(ZendeskUpload upload) {
    }
}
