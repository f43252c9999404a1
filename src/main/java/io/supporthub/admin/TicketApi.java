package io.supporthub.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.ticket.Channel;
import io.supporthub.ticket.ExternalLink;
import io.supporthub.ticket.ExternalLinks;
import io.supporthub.ticket.ExternalRef;
import io.supporthub.ticket.IntakeRequest;
import io.supporthub.ticket.Priority;
import io.supporthub.ticket.Ticket;
import io.supporthub.ticket.TicketEvent;
import io.supporthub.ticket.TicketFilter;
import io.supporthub.ticket.TicketPage;
import io.supporthub.ticket.TicketSource;
import io.supporthub.ticket.TicketStatus;
import io.supporthub.ticket.TicketStore;
import io.supporthub.ticket.Tier;
import io.supporthub.ticket.attachment.TicketAttachments;
import java.util.LinkedHashMap;

import java.util.Map;

/** The JSON face of tickets for {@code /api/v1/tickets}: parses requests, renders tickets and pages. */
public class TicketApi {

    static final int MAX_SUBJECT = 998;
    static final int MAX_MESSAGE = 256 * 1024;

    private final ObjectMapper json = ApiJson.isoDates();
    private final TicketStore tickets;
    private final TicketAttachments attachments;
    private final ExternalLinks links;
    private final java.util.function.LongFunction<java.util.List<Map<String, Object>>> slaClocks;

    /**
     * @param links the ticket's records in other systems, shown as {@code external_links}
     * @param slaClocks the ticket's SLA clocks as the API shows them
     */
    public TicketApi(TicketStore tickets, TicketAttachments attachments, ExternalLinks links,
                     java.util.function.LongFunction<java.util.List<Map<String, Object>>> slaClocks) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.links = links;
        this.slaClocks = slaClocks;
    }

    /**
     * Reads {@code {"requester_email", "requester_name"?, "subject", "message", "channel"?, "external_link"?}} into an intake
     * request; {@code external_link} ({@code {"system", "external_id", "number"?, "url"?}}) names the record the ticket is in
     * another system, and the ticket is linked to it.
     */
    public IntakeRequest parseCreate(String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body must be a JSON object with requester_email, subject and message");
        }
        String email = requiredText(node, "requester_email", 320);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.badRequest("requester_email must be an e-mail address, got '" + email + "'");
        }
        String subject = requiredText(node, "subject", MAX_SUBJECT);
        String message = requiredText(node, "message", MAX_MESSAGE);
        Channel channel = Channel.API;
        if (node.hasNonNull("channel")) {
            try {
                channel = Channel.fromCode(node.get("channel").asText());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("channel must be one of email, zendesk, servicenow, salesforce, api");
            }
        }
        String name = node.hasNonNull("requester_name") ? node.get("requester_name").asText() : null;
        ExternalRef origin = node.hasNonNull("external_link") ? externalLink(node.get("external_link")) : null;
        return new IntakeRequest(origin == null ? TicketSource.of(channel) : TicketSource.from(channel, origin), email, name, subject, message);
    }

    private static ExternalRef externalLink(JsonNode link) {
        if (!link.isObject()) {
            throw ApiException.badRequest("external_link must be an object with system and external_id");
        }
        String system = requiredText(link, "system", 40);
        if (!system.matches("[a-z][a-z0-9_-]*")) {
            throw ApiException.badRequest("external_link.system must be a lower-case system code such as zendesk, got '" + system + "'");
        }
        String number = link.hasNonNull("number") ? link.get("number").asText() : null;
        String url = link.hasNonNull("url") ? link.get("url").asText() : null;
        if (url != null && !url.matches("https?://\\S+")) {
            throw ApiException.badRequest("external_link.url must be an http(s) URL");
        }
        return new ExternalRef(system, requiredText(link, "external_id", 255), number, url);
    }

    private static String requiredText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(field + " is required and must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw ApiException.badRequest(field + " is longer than " + maxLength + " characters");
        }
        return value.asText();
    }

    public String ticketWithTimeline(String key) {
        Ticket ticket = tickets.findByKey(key).orElseThrow(() -> ApiException.notFound("no ticket " + key));
        Map<String, Object> view = ticketView(ticket);
        // the mail's sanitized HTML, its inline images pointing at the attachment downloads
        view.put("description_html", attachments.descriptionHtml(ticket.id()));
        view.put("attachments", attachments.list(ticket.key()).stream().map(AttachmentApi::view).toList());
        view.put("external_links", links.forTicket(ticket.id()).stream().map(TicketApi::linkView).toList());
        view.put("sla", slaClocks.apply(ticket.id()));
        view.put("timeline", tickets.timeline(ticket.id()).stream().map(TicketApi::eventView).toList());
        return ApiJson.write(json, view);
    }

    /** Lists tickets; query parameters: status, tier, priority, requester, review_flag, limit (1–200), cursor. */
    public String list(Map<String, Object> query) {
        TicketFilter filter;
        try {
            filter = new TicketFilter(
                    parse(query, "status", TicketStatus::fromCode),
                    parse(query, "tier", v -> Tier.valueOf(v.toUpperCase(java.util.Locale.ROOT))),
                    parse(query, "priority", v -> Priority.valueOf(v.toUpperCase(java.util.Locale.ROOT))),
                    text(query, "requester"),
                    text(query, "review_flag"),
                    parse(query, "cursor", Long::valueOf),
                    query.get("limit") == null ? 50 : Integer.parseInt(text(query, "limit")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid query: " + e.getMessage()
                    + " (status: new|open|pending_customer|on_hold|solved|closed; tier: T1|T2|T3|SPECIALIST|EXECUTIVE; priority: P1-P4; limit: 1-200)");
        }
        TicketPage page = tickets.list(filter);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("items", page.tickets().stream().map(TicketApi::ticketView).toList());
        view.put("next_cursor", page.nextBeforeId() == null ? null : page.nextBeforeId().toString());
        return ApiJson.write(json, view);
    }

    public String created(String key) {
        return ticketWithTimeline(key);
    }

    public String error(int status, String message) {
        return ApiJson.write(json, Map.of("status", status, "error", message == null ? "error" : message));
    }

    private static <T> T parse(Map<String, Object> query, String name, java.util.function.Function<String, T> parser) {
        String value = text(query, name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "=" + value);
        }
    }

    private static String text(Map<String, Object> query, String name) {
        Object value = query.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    static Map<String, Object> ticketView(Ticket t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", t.key());
        v.put("subject", t.subject());
        v.put("status", t.status().code());
        v.put("priority", t.priority().name());
        v.put("category", t.category());
        v.put("tier", t.tier().name());
        v.put("queue", t.queue());
        v.put("channel", t.channel().code());
        v.put("requester_email", t.requesterEmail());
        v.put("requester_name", t.requesterName());
        // how the opening mail's sender was authenticated, and why an agent must review the ticket before believing it
        v.put("sender_auth", t.senderAuth());
        v.put("review_flag", t.reviewFlag());
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("tier", t.customer().tier().code());
        customer.put("lookup", t.customer().lookup());
        customer.put("crm_id", t.customer().crmContactId());
        customer.put("account", t.customer().accountName());
        customer.put("annual_revenue", t.customer().annualRevenue());
        customer.put("health", t.customer().health());
        customer.put("owner", t.customer().owner());
        customer.put("open_cases", t.customer().openCases());
        v.put("customer", customer);
        v.put("sentiment", t.sentiment());
        v.put("language", t.language());
        v.put("complexity", t.complexity());
        v.put("description", t.description());
        v.put("version", t.version());
        v.put("created_at", t.createdAt());
        v.put("updated_at", t.updatedAt());
        return v;
    }

    private static Map<String, Object> linkView(ExternalLink link) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("system", link.ref().system());
        v.put("external_id", link.ref().externalId());
        v.put("number", link.ref().number());
        v.put("url", link.ref().url());
        v.put("learned_from", link.learnedFrom());
        v.put("last_seen_version", link.lastSeenVersion());
        v.put("last_seen_at", link.lastSeenAt());
        v.put("last_pushed_at", link.lastPushedAt());
        v.put("created_at", link.createdAt());
        return v;
    }

    private static Map<String, Object> eventView(TicketEvent e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", e.type());
        v.put("actor", e.actor());
        v.put("reason", e.reason());
        v.put("at", e.occurredAt());
        v.put("details", e.payload());
        return v;
    }

}
