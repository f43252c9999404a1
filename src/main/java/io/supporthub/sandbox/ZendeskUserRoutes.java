package io.supporthub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.sandbox.ZendeskApi.Call;
import io.supporthub.sandbox.ZendeskUsers.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Users endpoints the simulator serves: Show Self, Search Users, Show User and Create Or Update User. */
final class ZendeskUserRoutes {

    private static final Set<String> ROLES = Set.of(ZendeskUsers.END_USER, ZendeskUsers.AGENT, ZendeskUsers.ADMIN);

    private ZendeskUserRoutes() {
    }

    static ZendeskAnswer serve(ZendeskUsers users, Call call, User actor, Instant now, String baseUrl, Pattern userPath)
            throws JsonProcessingException {
        String route = call.route();
        boolean get = call.method().equals("GET");
        if (route.equals("/api/v2/users/me") && get) {
            return ZendeskAnswer.json(200, Map.of("user", ZendeskUsers.render(actor, baseUrl)));
        }
        if (route.equals("/api/v2/users/search") && get) {
            List<Map<String, Object>> found = users.search(call.query().get("query"), call.query().get("external_id")).stream()
                    .map(u -> ZendeskUsers.render(u, baseUrl)).toList();
            return ZendeskPages.page("users", found, call.query(), baseUrl + "/api/v2/users/search.json");
        }
        if (route.equals("/api/v2/users/create_or_update") && call.method().equals("POST")) {
            return createOrUpdate(users, ZendeskApi.json(call), now, baseUrl);
        }
        Matcher m = userPath.matcher(route);
        if (m.matches() && get) {
            Optional<User> user = m.group(1).matches("\\d{1,18}") ? users.byId(Long.parseLong(m.group(1))) : Optional.empty();
            return user.map(u -> ZendeskAnswer.json(200, Map.of("user", ZendeskUsers.render(u, baseUrl)))).orElseGet(ZendeskAnswer::notFound);
        }
        return ZendeskAnswer.invalidEndpoint();
    }

    /** Finds the user by address or external id and updates it (200), or creates it (201), as Zendesk does. */
    private static ZendeskAnswer createOrUpdate(ZendeskUsers users, JsonNode request, Instant now, String baseUrl) {
        JsonNode input = request.path("user");
        if (!input.isObject()) {
            return ZendeskAnswer.invalid("user", "BlankValue", "User: is required, as an object");
        }
        String email = input.path("email").asText(null);
        String externalId = input.hasNonNull("external_id") ? input.get("external_id").asText() : null;
        String name = input.path("name").asText(null);
        String role = input.path("role").asText(null);
        if (email != null && !ZendeskUsers.isEmail(email)) {
            return ZendeskAnswer.invalid("email", "InvalidFormat", "Email: " + email + " is not properly formatted");
        }
        if (role != null && !ROLES.contains(role)) {
            return ZendeskAnswer.invalid("role", "InvalidValue", "Role: " + role + " is not one of " + ROLES);
        }
        Optional<User> existing = users.byEmail(email).or(() -> users.byExternalId(externalId));
        if (existing.isPresent()) {
            User user = existing.get();
            if (name != null && !name.isBlank()) {
                user.name = name;
            }
            if (role != null) {
                user.role = role;
            }
            if (externalId != null) {
                user.externalId = externalId;
            }
            user.updatedAt = now;
            return ZendeskAnswer.json(200, Map.of("user", ZendeskUsers.render(user, baseUrl)));
        }
        if (name == null || name.isBlank()) {
            return ZendeskAnswer.invalid("name", "BlankValue", "Name: is too short (minimum one character)");
        }
        User user = users.add(name, email, role == null ? ZendeskUsers.END_USER : role, externalId, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", ZendeskUsers.render(user, baseUrl));
        return ZendeskAnswer.json(201, body).withHeader("Location", baseUrl + "/api/v2/users/" + user.id + ".json");
    }
}
