package io.supporthub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.sandbox.ZendeskTickets.Outcome;
import io.supporthub.sandbox.ZendeskUsers.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Support API v2 endpoints the simulator serves, over the account's state: every request reads and changes that
 * state under this object's lock, so concurrent clients see one consistent account.
 */
final class ZendeskApi {

    /** An answer, and the ticket events it caused (sent to the webhooks once the state is unlocked). */
    record Result(ZendeskAnswer answer, List<Map<String, Object>> events) {
        static Result of(ZendeskAnswer answer) {
            return new Result(answer, List.of());
        }
    }

    /** A request as the API sees it: method, path without {@code .json}, decoded query, body text and bytes. */
    record Call(String method, String route, Map<String, String> query, String body, byte[] bytes, String contentType) {
    }

    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/([^/]+)");
    private static final Pattern COMMENTS = Pattern.compile("/api/v2/tickets/([^/]+)/comments");
    private static final Pattern USER = Pattern.compile("/api/v2/users/([^/]+)");
    private static final Pattern WEBHOOK = Pattern.compile("/api/v2/webhooks/([^/]+)(/signing_secret)?");

    private final Clock clock;
    private final String baseUrl;
    private final long accountId;
    private final String apiToken;
    private final Map<String, Long> oauthTokens = new HashMap<>();
    final ZendeskUsers users = new ZendeskUsers();
    private final ZendeskUploads uploads = new ZendeskUploads();
    private final ZendeskTickets tickets = new ZendeskTickets(users, uploads);
    final ZendeskWebhooks webhooks;
    private int seededUsers;
    private int seededWebhooks;

    ZendeskApi(Clock clock, String baseUrl, long accountId, String apiToken) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.accountId = accountId;
        this.apiToken = apiToken;
        this.webhooks = new ZendeskWebhooks(clock);
    }

    synchronized void addOAuthToken(String token, long userId) {
        oauthTokens.put(token, userId);
    }

    /** What exists now is the seed that {@link #reset()} goes back to. */
    synchronized void markSeeded() {
        seededUsers = users.all().size();
        seededWebhooks = webhooks.all().size();
    }

    /** Back to the seed: tickets, uploads, added users and webhooks, and deliveries are gone; ids are not handed out again. */
    synchronized void reset() {
        tickets.clear();
        uploads.clear();
        users.keepFirst(seededUsers);
        webhooks.keepFirst(seededWebhooks);
    }

    /**
     * The agent or admin an {@code Authorization} header names: Basic {@code {email}/token:{api_token}} with the account's
     * API token, or Bearer with an OAuth access token; empty when it names none.
     */
    synchronized Optional<User> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Long userId = oauthTokens.get(authorization.substring(7).trim());
            return userId == null ? Optional.empty() : users.byId(userId);
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int separator = credentials.indexOf("/token:");
        if (separator < 0 || !credentials.substring(separator + "/token:".length()).equals(apiToken)) {
            return Optional.empty();
        }
        return users.byEmail(credentials.substring(0, separator)).filter(User::isStaff);
    }

    synchronized Result serve(Call call, User actor, ZendeskRateLimits limits) {
        Instant now = clock.instant();
        String route = call.route();
        String method = call.method();
        Matcher m;
        try {
            if (route.equals("/api/v2/tickets")) {
                return switch (method) {
                    case "POST" -> created(tickets.create(json(call), actor, now), actor, now);
                    case "GET" -> Result.of(listTickets(call.query()));
                    default -> Result.of(ZendeskAnswer.invalidEndpoint());
                };
            }
            if ((m = COMMENTS.matcher(route)).matches() && method.equals("GET")) {
                return Result.of(comments(m.group(1), call.query()));
            }
            if ((m = TICKET.matcher(route)).matches() && !m.group(1).equals("count")) {
                return ticket(m.group(1), call, actor, limits, now);
            }
            if (route.startsWith("/api/v2/users")) {
                return Result.of(ZendeskUserRoutes.serve(users, call, actor, now, baseUrl, USER));
            }
            if (route.equals("/api/v2/uploads") && method.equals("POST")) {
                return Result.of(upload(call, now));
            }
            if (route.equals("/api/v2/incremental/tickets/cursor") && method.equals("GET")) {
                if (!actor.role.equals(ZendeskUsers.ADMIN)) {
                    return Result.of(ZendeskAnswer.forbidden());
                }
                Optional<ZendeskAnswer> tooMany = limits.takeExport();
                return Result.of(tooMany.orElseGet(() -> ZendeskExport.page(tickets.all(), call.query(), now, limits.limits().exportLag(), baseUrl)));
            }
            if (route.startsWith("/api/v2/webhooks")) {
                return Result.of(actor.role.equals(ZendeskUsers.ADMIN) ? webhook(call, actor) : ZendeskAnswer.forbidden());
            }
            return Result.of(ZendeskAnswer.invalidEndpoint());
        } catch (JsonProcessingException e) {
            return Result.of(ZendeskAnswer.badRequest("InvalidJSON", "the request body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /** Every ticket with all its comments, for a test or an operator comparing states. */
    synchronized List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (ZendeskRecords.Ticket ticket : tickets.all()) {
            Map<String, Object> map = ZendeskRecords.ticket(ticket, baseUrl);
            map.put("comments", ticket.comments.stream().map(c -> ZendeskRecords.comment(c, baseUrl)).toList());
            all.add(map);
        }
        return all;
    }

    synchronized Optional<ZendeskUploads.Attachment> download(String key) {
        return uploads.download(key);
    }

    private Result ticket(String idText, Call call, User actor, ZendeskRateLimits limits, Instant now) throws JsonProcessingException {
        Optional<ZendeskRecords.Ticket> ticket = id(idText).flatMap(tickets::find);
        if (ticket.isEmpty()) {
            return Result.of(ZendeskAnswer.notFound());
        }
        if (call.method().equals("GET")) {
            return Result.of(ZendeskAnswer.json(200, Map.of("ticket", ZendeskRecords.ticket(ticket.get(), baseUrl))));
        }
        if (!call.method().equals("PUT")) {
            return Result.of(ZendeskAnswer.invalidEndpoint());
        }
        Optional<ZendeskAnswer> tooMany = limits.takeTicketUpdate(actor.id, ticket.get().id);
        if (tooMany.isPresent()) {
            return Result.of(tooMany.get());
        }
        Outcome outcome = tickets.update(ticket.get().id, json(call), actor, now);
        if (outcome.refusal() != null) {
            return Result.of(outcome.refusal());
        }
        return new Result(ZendeskAnswer.json(200, Map.of("ticket", ZendeskRecords.ticket(outcome.ticket(), baseUrl), "audit", outcome.audit())),
                ZendeskEvents.of(outcome.ticket(), outcome.changes(), actor, accountId, now));
    }

    private Result created(Outcome outcome, User actor, Instant now) {
        if (outcome.refusal() != null) {
            return Result.of(outcome.refusal());
        }
        String location = baseUrl + "/api/v2/tickets/" + outcome.ticket().id + ".json";
        return new Result(ZendeskAnswer.json(201, Map.of("ticket", ZendeskRecords.ticket(outcome.ticket(), baseUrl), "audit", outcome.audit()))
                .withHeader("Location", location), ZendeskEvents.of(outcome.ticket(), outcome.changes(), actor, accountId, now));
    }

    private ZendeskAnswer listTickets(Map<String, String> query) {
        String externalId = query.get("external_id");
        List<Map<String, Object>> listed = tickets.all().stream().filter(t -> externalId == null || externalId.equals(t.externalId))
                .map(t -> ZendeskRecords.ticket(t, baseUrl)).toList();
        return ZendeskPages.page("tickets", listed, query, baseUrl + "/api/v2/tickets.json");
    }

    private ZendeskAnswer comments(String idText, Map<String, String> query) {
        Optional<ZendeskRecords.Ticket> ticket = id(idText).flatMap(tickets::find);
        if (ticket.isEmpty()) {
            return ZendeskAnswer.notFound();
        }
        List<Map<String, Object>> comments = new ArrayList<>(ticket.get().comments.stream().map(c -> ZendeskRecords.comment(c, baseUrl)).toList());
        if ("desc".equals(query.get("sort_order")) || "-created_at".equals(query.get("sort"))) {
            Collections.reverse(comments);
        }
        return ZendeskPages.page("comments", comments, query, baseUrl + "/api/v2/tickets/" + ticket.get().id + "/comments.json");
    }

    private ZendeskAnswer upload(Call call, Instant now) {
        String fileName = call.query().get("filename");
        if (fileName == null || fileName.isBlank()) {
            return ZendeskAnswer.invalid("filename", "BlankValue", "Filename: the filename query parameter is required");
        }
        if (call.bytes().length == 0) {
            return ZendeskAnswer.invalid("file", "BlankValue", "File: the request body (the file's bytes) is empty");
        }
        String contentType = call.contentType() == null ? "application/octet-stream" : call.contentType().split(";")[0].trim();
        String token = uploads.add(call.query().get("token"), fileName, contentType, call.bytes(), now);
        List<ZendeskUploads.Attachment> files = uploads.files(token);
        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("token", token);
        upload.put("expires_at", ZendeskRecords.time(now.plus(ZendeskUploads.TOKEN_LIFETIME)));
        upload.put("attachment", ZendeskUploads.render(files.get(files.size() - 1), baseUrl));
        upload.put("attachments", files.stream().map(f -> ZendeskUploads.render(f, baseUrl)).toList());
        return ZendeskAnswer.json(201, Map.of("upload", upload));
    }

    private ZendeskAnswer webhook(Call call, User actor) throws JsonProcessingException {
        if (call.route().equals("/api/v2/webhooks")) {
            return call.method().equals("POST") ? webhooks.create(json(call), actor.id)
                    : ZendeskAnswer.json(200, Map.of("webhooks", webhooks.all().stream().map(ZendeskWebhooks.Webhook::render).toList(),
                    "meta", Map.of("has_more", false), "links", Map.of()));
        }
        Matcher m = WEBHOOK.matcher(call.route());
        ZendeskWebhooks.Webhook webhook = m.matches() ? webhooks.find(m.group(1)) : null;
        if (webhook == null) {
            return ZendeskAnswer.json(404, Map.of("errors", List.of(Map.of("code", "WebhookNotFound", "title", "Webhook not found"))));
        }
        if (m.group(2) != null) {
            return ZendeskAnswer.json(200, Map.of("signing_secret", Map.of("algorithm", "SHA256", "secret", webhook.secret())));
        }
        if (call.method().equals("DELETE")) {
            webhooks.delete(webhook.id());
            return ZendeskAnswer.noContent();
        }
        return ZendeskAnswer.json(200, Map.of("webhook", webhook.render()));
    }

    static JsonNode json(Call call) throws JsonProcessingException {
        return call.body() == null || call.body().isBlank() ? SimulatorServer.JSON.createObjectNode() : SimulatorServer.JSON.readTree(call.body());
    }

    private static Optional<Long> id(String text) {
        return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }
}
