package io.supporthub.sandbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/** The simulator's tickets and comments, and how they read as Zendesk's JSON. */
final class ZendeskRecords {

    /** A ticket; changed only by {@link ZendeskTickets}, under the simulator's lock. */
    static final class Ticket {
        final long id;
        final Instant createdAt;
        final String channel;
        String externalId;
        String subject;
        String description;
        String status;
        String priority;
        String type;
        long requesterId;
        long submitterId;
        Long assigneeId;
        List<String> tags = List.of();
        Instant updatedAt;
        /** The account-wide position of this ticket's latest change: the incremental export's order. */
        long changeSequence;
        final List<Comment> comments = new ArrayList<>();

        Ticket(long id, Instant createdAt, String channel) {
            this.id = id;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.channel = channel;
        }

        boolean isPublic() {
            return comments.stream().anyMatch(Comment::isPublic);
        }
    }

    /** A comment (public reply or internal note) with its attachments. */
    record Comment(long id, long auditId, long authorId, String body, String htmlBody, boolean isPublic,
                   List<ZendeskUploads.Attachment> attachments, Instant createdAt, String channel) {
    }

    private static final String LINE_BREAK = "\uE000";

    private ZendeskRecords() {
    }

    /** Zendesk's timestamps: ISO 8601 in UTC to the second. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The comment's HTML from its text, paragraphs and line breaks kept, as Zendesk renders a plain body. */
    static String htmlOf(String text) {
        StringBuilder html = new StringBuilder("<div class=\"zd-comment\" dir=\"auto\">");
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p dir=\"auto\">").append(Entities.escape(paragraph).replaceAll("\\R", "<br>")).append("</p>");
        }
        return html.append("</div>").toString();
    }

    /** The comment's text from its HTML, one line per paragraph or line break. */
    static String textOf(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        // text() folds all whitespace, so line breaks go through as a private-use character and come back after
        document.select("br").after(LINE_BREAK);
        document.select("p, div, li, h1, h2, h3, h4, blockquote").after(LINE_BREAK + LINE_BREAK);
        String marked = document.body().text();
        return marked.replace(LINE_BREAK, "\n").replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    static Map<String, Object> ticket(Ticket ticket, String baseUrl) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("url", baseUrl + "/api/v2/tickets/" + ticket.id + ".json");
        map.put("id", ticket.id);
        map.put("external_id", ticket.externalId);
        map.put("via", via(ticket.channel));
        map.put("created_at", time(ticket.createdAt));
        map.put("updated_at", time(ticket.updatedAt));
        map.put("generated_timestamp", ticket.updatedAt.getEpochSecond());
        map.put("type", ticket.type);
        map.put("subject", ticket.subject);
        map.put("raw_subject", ticket.subject == null ? "" : ticket.subject);
        map.put("description", ticket.description);
        map.put("priority", ticket.priority);
        map.put("status", ticket.status);
        map.put("requester_id", ticket.requesterId);
        map.put("submitter_id", ticket.submitterId);
        map.put("assignee_id", ticket.assigneeId);
        map.put("organization_id", null);
        map.put("group_id", null);
        map.put("brand_id", null);
        map.put("collaborator_ids", List.of());
        map.put("follower_ids", List.of());
        map.put("email_cc_ids", List.of());
        map.put("problem_id", null);
        map.put("has_incidents", false);
        map.put("is_public", ticket.isPublic());
        map.put("due_at", null);
        map.put("tags", ticket.tags);
        map.put("custom_fields", List.of());
        map.put("fields", List.of());
        map.put("sharing_agreement_ids", List.of());
        map.put("followup_ids", List.of());
        map.put("ticket_form_id", null);
        map.put("allow_channelback", false);
        map.put("allow_attachments", true);
        map.put("from_messaging_channel", false);
        return map;
    }

    static Map<String, Object> comment(Comment comment, String baseUrl) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", comment.id());
        map.put("type", "Comment");
        map.put("author_id", comment.authorId());
        map.put("body", comment.body());
        map.put("html_body", comment.htmlBody());
        map.put("plain_body", comment.body());
        map.put("public", comment.isPublic());
        map.put("attachments", comment.attachments().stream().map(a -> ZendeskUploads.render(a, baseUrl)).toList());
        map.put("audit_id", comment.auditId());
        map.put("via", via(comment.channel()));
        map.put("created_at", time(comment.createdAt()));
        map.put("metadata", Map.of("system", Map.of(), "custom", Map.of()));
        return map;
    }

    private static Map<String, Object> via(String channel) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("from", Map.of());
        source.put("to", Map.of());
        source.put("rel", null);
        return Map.of("channel", channel, "source", source);
    }
}
