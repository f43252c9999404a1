package io.supporthub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.sandbox.ZendeskUsers.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code ticket} object of a create or update request and checks it as Zendesk does, before anything is
 * changed: a refused value answers 422 RecordInvalid naming the field, and the ticket stays as it was.
 */
final class ZendeskTicketInput {

    static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");
    static final Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");
    static final Set<String> TYPES = Set.of("problem", "incident", "question", "task");

    /** A refused request: the answer is Zendesk's 422 (or 404) for it. */
    static final class Refused extends RuntimeException {
        final transient ZendeskAnswer answer;

        Refused(ZendeskAnswer answer) {
            super(String.valueOf(answer.body()), null, false, false);
            this.answer = answer;
        }
    }

    /** A comment to add: text, HTML, visibility, author and the upload tokens whose files it takes. */
    record NewComment(String body, String htmlBody, boolean isPublic, User author, List<String> uploads) {
    }

    private ZendeskTicketInput() {
    }

    static JsonNode ticketOf(JsonNode request) {
        JsonNode ticket = request.path("ticket");
        if (!ticket.isObject()) {
            throw refused("ticket", "BlankValue", "Ticket: is required, as an object");
        }
        return ticket;
    }

    static String enumValue(JsonNode ticket, String field, Set<String> allowed, String current) {
        JsonNode node = ticket.get(field);
        if (node == null) {
            return current;
        }
        if (node.isNull() && !field.equals("status")) {
            return null;
        }
        String value = node.asText("").toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw refused(field, "InvalidValue", capitalized(field) + ": " + node.asText() + " is not a valid value (one of " + allowed + ")");
        }
        return value;
    }

    /** Tags as Zendesk keeps them: lower case, split at spaces, each once. */
    static List<String> tags(JsonNode node) {
        Set<String> tags = new LinkedHashSet<>();
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else if (!node.isNull()) {
            values.add(node);
        }
        for (JsonNode value : values) {
            for (String tag : value.asText("").toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!tag.isBlank()) {
                    tags.add(tag);
                }
            }
        }
        return List.copyOf(tags);
    }

    static User user(ZendeskUsers users, JsonNode ticket, String field) {
        JsonNode id = ticket.get(field);
        if (!id.canConvertToLong()) {
            throw refused(field.replace("_id", ""), "InvalidValue", capitalized(field.replace("_id", "")) + ": is invalid");
        }
        return users.byId(id.asLong()).orElseThrow(
                () -> refused(field.replace("_id", ""), "InvalidValue", capitalized(field.replace("_id", "")) + ": is invalid"));
    }

    /** The requester: {@code requester_id}, or {@code requester} as an id, an address or {@code {name, email}}; null when neither is given. */
    static User requester(ZendeskUsers users, JsonNode ticket, Instant now) {
        if (ticket.hasNonNull("requester_id")) {
            return user(users, ticket, "requester_id");
        }
        JsonNode requester = ticket.path("requester");
        if (requester.isMissingNode() || requester.isNull()) {
            return null;
        }
        if (requester.canConvertToLong()) {
            return users.byId(requester.asLong()).orElseThrow(() -> refused("requester", "InvalidValue", "Requester: is invalid"));
        }
        String email = requester.isObject() ? requester.path("email").asText(null) : requester.asText(null);
        if (!ZendeskUsers.isEmail(email)) {
            throw refused("requester", "InvalidValue", "Requester: email " + email + " is not a valid address");
        }
        return users.requester(requester.path("name").asText(null), email, now);
    }

    /** The comment in {@code ticket.comment}, or null when there is none; {@code fallbackAuthor} writes it unless author_id says who. */
    static NewComment comment(ZendeskUsers users, ZendeskUploads uploads, JsonNode ticket, User fallbackAuthor, Instant now) {
        JsonNode comment = ticket.path("comment");
        if (!comment.isObject()) {
            return null;
        }
        String body = comment.path("body").asText("");
        String html = comment.path("html_body").asText("");
        if (body.isBlank() && html.isBlank()) {
            throw refused("comment", "BlankValue", "Comment: body or html_body cannot be blank");
        }
        User author = comment.hasNonNull("author_id") ? user(users, comment, "author_id") : fallbackAuthor;
        List<String> tokens = new ArrayList<>();
        for (JsonNode token : comment.path("uploads")) {
            if (!uploads.open(token.asText(), now)) {
                // refused rather than passed over, so an attachment that would be lost shows as an error
                throw refused("uploads", "InvalidValue", "Uploads: token " + token.asText() + " is unknown, used or expired");
            }
            tokens.add(token.asText());
        }
        String htmlBody = html.isBlank() ? ZendeskRecords.htmlOf(body) : html;
        String text = html.isBlank() ? body.strip() : ZendeskRecords.textOf(html);
        return new NewComment(text, htmlBody, comment.path("public").asBoolean(true), author, tokens);
    }

    static Refused refused(String field, String error, String description) {
        return new Refused(ZendeskAnswer.invalid(field, error, description));
    }

    private static String capitalized(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' ');
    }
}
