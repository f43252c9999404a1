package io.supporthub.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supporthub.mail.MailDecisions;
import io.supporthub.mail.MailQuarantine;
import java.util.List;
import java.util.Map;

/** The JSON face of {@code /api/v1/mail}: decision records of received mail, and the quarantine. */
public class MailAdminApi {

    private final ObjectMapper json = ApiJson.isoDates()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    private final MailDecisions decisions;
    private final MailQuarantine quarantine;

    public MailAdminApi(MailDecisions decisions, MailQuarantine quarantine) {
        this.decisions = decisions;
        this.quarantine = quarantine;
    }

    /** Exactly one of message_id or ticket must be given. */
    public String decisions(String messageId, String ticket) {
        boolean byMessage = messageId != null && !messageId.isBlank();
        boolean byTicket = ticket != null && !ticket.isBlank();
        if (byMessage == byTicket) {
            throw ApiException.badRequest("give exactly one of message_id=<Message-ID> or ticket=<SH-key>");
        }
        List<MailDecisions.Decision> found = byMessage ? decisions.byMessageId(messageId) : decisions.byTicket(ticket.strip());
        return ApiJson.write(json, Map.of("items", found));
    }

    /** An error answer, shaped as every API error is. */
    public String error(int status, String message) {
        return ApiJson.write(json, Map.of("status", status, "error", message == null ? "error" : message));
    }

    /** Query: pending=true leaves out what was replayed; kind=error|held narrows to failed or held mail; limit 1–500. */
    public String quarantine(String pending, String kind, String limit) {
        int max;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number from 1 to 500");
        }
        if (max < 1 || max > 500) {
            throw ApiException.badRequest("limit must be a number from 1 to 500");
        }
        MailQuarantine.Kind which = switch (kind == null || kind.isBlank() ? "all" : kind.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> MailQuarantine.Kind.ALL;
            case "error" -> MailQuarantine.Kind.ERROR;
            case "held" -> MailQuarantine.Kind.HELD;
            default -> throw ApiException.badRequest("kind must be error (mail that failed) or held (mail a policy held), got '" + kind + "'");
        };
        return ApiJson.write(json, Map.of("items", quarantine.list("true".equalsIgnoreCase(pending), which, max)));
    }

    public MailQuarantine.Quarantined quarantined(String id) {
        try {
            return quarantine.find(Long.parseLong(id)).orElseThrow(() -> ApiException.notFound("no quarantined mail " + id));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("quarantine id must be a number, got '" + id + "'");
        }
    }

    /** Marks the replay done and answers with what the mail's decision record now says. */
    public String replayed(long id, String messageKey) {
        quarantine.markReplayed(id);
        return ApiJson.write(json, Map.of("quarantine_id", id, "message_key", messageKey, "decisions", decisions.byMessageId(messageKey)));
    }
}
