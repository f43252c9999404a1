package io.supporthub.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulated account's users: agents and admins who may call the API, and end users who request tickets. */
final class ZendeskUsers {

    static final String END_USER = "end-user";
    static final String AGENT = "agent";
    static final String ADMIN = "admin";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern EMAIL_QUERY = Pattern.compile("(?i)^\\s*email:\"?([^\"\\s]+)\"?\\s*$");

    /** A user; mutable only by create_or_update, under the simulator's lock. */
    static final class User {
        final long id;
        String name;
        final String email;
        String role;
        String externalId;
        final Instant createdAt;
        Instant updatedAt;

        User(long id, String name, String email, String role, String externalId, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.email = email;
            this.role = role;
            this.externalId = externalId;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        boolean isStaff() {
            return role.equals(AGENT) || role.equals(ADMIN);
        }
    }

    private final Map<Long, User> users = new LinkedHashMap<>();
    private long nextId = 10_001;

    static boolean isEmail(String text) {
        return text != null && EMAIL.matcher(text).matches();
    }

    User add(String name, String email, String role, String externalId, Instant now) {
        User user = new User(nextId++, name, email == null ? null : email.toLowerCase(Locale.ROOT), role, externalId, now);
        users.put(user.id, user);
        return user;
    }

    List<User> all() {
        return List.copyOf(users.values());
    }

    Optional<User> byId(long id) {
        return Optional.ofNullable(users.get(id));
    }

    Optional<User> byEmail(String email) {
        return email == null ? Optional.empty() : users.values().stream().filter(u -> email.equalsIgnoreCase(u.email)).findFirst();
    }

    Optional<User> byExternalId(String externalId) {
        return externalId == null ? Optional.empty()
                : users.values().stream().filter(u -> externalId.equalsIgnoreCase(u.externalId)).findFirst();
    }

    /** The end user with this address, created (named after the address when no name is given) if there is none. */
    User requester(String name, String email, Instant now) {
        return byEmail(email).orElseGet(() -> add(name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name,
                email, END_USER, null, now));
    }

    /** Users matching a search: {@code email:x} finds that address exactly, any other text a part of a name or address. */
    List<User> search(String query, String externalId) {
        if (externalId != null) {
            return byExternalId(externalId).map(List::of).orElse(List.of());
        }
        if (query == null || query.isBlank()) {
            return List.of();
        }
        Matcher email = EMAIL_QUERY.matcher(query);
        if (email.matches()) {
            return byEmail(email.group(1)).map(List::of).orElse(List.of());
        }
        String part = query.trim().toLowerCase(Locale.ROOT);
        List<User> found = new ArrayList<>();
        for (User user : users.values()) {
            if (user.name.toLowerCase(Locale.ROOT).contains(part) || (user.email != null && user.email.contains(part))) {
                found.add(user);
            }
        }
        return found;
    }

    /** Forgets every user but the first {@code kept} (the seeded ones); ids are never handed out twice. */
    void keepFirst(int kept) {
        List<Long> ids = new ArrayList<>(users.keySet());
        ids.subList(kept, ids.size()).forEach(users::remove);
    }

    static Map<String, Object> render(User user, String baseUrl) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", user.id);
        map.put("url", baseUrl + "/api/v2/users/" + user.id + ".json");
        map.put("name", user.name);
        map.put("email", user.email);
        map.put("created_at", ZendeskRecords.time(user.createdAt));
        map.put("updated_at", ZendeskRecords.time(user.updatedAt));
        map.put("time_zone", "UTC");
        map.put("iana_time_zone", "Etc/UTC");
        map.put("locale", "en-US");
        map.put("locale_id", 1);
        map.put("organization_id", null);
        map.put("role", user.role);
        map.put("verified", true);
        map.put("external_id", user.externalId);
        map.put("tags", List.of());
        map.put("active", true);
        map.put("suspended", false);
        map.put("shared", false);
        map.put("restricted_agent", !user.isStaff());
        map.put("only_private_comments", false);
        map.put("user_fields", Map.of());
        return map;
    }
}
