package io.supporthub.connector.slack;

import io.supporthub.connector.spi.ConnectorErrorClassifier;
import io.supporthub.connector.spi.ConnectorFailure;
import io.supporthub.connector.spi.HttpFailures;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Slack's answers by the message camel-slack fails with: "Error POSTing to Slack API: " and the
 * response — a webhook's with its HTTP code, headers and body, the Web API's with its error. A webhook
 * that is gone, a channel the app is not in or a revoked token fail for good; the rate limit (with its
 * Retry-After) and Slack's server errors pass.
 */
public final class SlackErrorClassifier implements ConnectorErrorClassifier {

    /** Web API errors that say the token is wrong or lacks a right: nothing posts until an admin fixes it. */
    private static final Set<String> TOKEN_REFUSED = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked",
            "token_expired", "no_permission", "missing_scope", "team_access_not_granted");
    /** Web API errors that say the request itself is wrong: the same request fails the same way every time. */
    private static final Set<String> REQUEST_REFUSED = Set.of("channel_not_found", "not_in_channel", "is_archived", "invalid_blocks",
            "invalid_arguments", "msg_too_long", "no_text", "restricted_action");
    private static final Pattern WEBHOOK_CODE = Pattern.compile("Slack API: WebhookResponse\\(code=(\\d{3})\\b");
    private static final Pattern WEBHOOK_BODY = Pattern.compile("\\bbody=([^,)]*)");
    private static final Pattern API_ERROR = Pattern.compile("Slack API: \\w+Response\\(ok=false\\b.*?\\berror=(\\w+)");
    private static final Pattern RETRY_AFTER = Pattern.compile("\\bretry-after=\\[(\\d{1,9})]", Pattern.CASE_INSENSITIVE);
    private static final String CHECK_TOKEN = "; check slack.token, slack.channel and slack.channels, and that the app is in the channel";

    @Override
    public ConnectorFailure classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<ConnectorFailure> answer = ofAnswer(cause.getMessage());
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return HttpFailures.ofTransport("Slack", error).orElseGet(() -> ConnectorFailure.retriable("Slack did not take the alert ("
                + (error == null ? "no error given" : error.getClass().getSimpleName() + ": " + error.getMessage()) + ")"));
    }

    /** What Slack answered, read from camel-slack's message; empty for any other message. */
    static Optional<ConnectorFailure> ofAnswer(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher webhook = WEBHOOK_CODE.matcher(message);
        if (webhook.find()) {
            Matcher body = WEBHOOK_BODY.matcher(message);
            String said = body.find(webhook.end()) ? body.group(1) : null;
            return Optional.of(ofWebhook(Integer.parseInt(webhook.group(1)), said, retryAfter(message)));
        }
        Matcher api = API_ERROR.matcher(message);
        if (!api.find()) {
            return Optional.empty();
        }
        return Optional.of(ofApiError(api.group(1), retryAfter(message)));
    }

    /** What a Web API error code means, e.g. invalid_auth or channel_not_found. */
    static ConnectorFailure ofApiError(String code, Optional<Duration> retryAfter) {
        if (TOKEN_REFUSED.contains(code)) {
            return ConnectorFailure.authentication("Slack refused the alert (" + code + ")" + CHECK_TOKEN);
        }
        if (REQUEST_REFUSED.contains(code)) {
            return ConnectorFailure.permanent("Slack refused the alert (" + code + ")" + CHECK_TOKEN);
        }
        if (code.equals("ratelimited")) {
            return ConnectorFailure.rateLimited("Slack is rate limiting the hub (ratelimited)", retryAfter);
        }
        return ConnectorFailure.retriable("Slack did not take the alert (" + code + ")");
    }

    /** What an incoming webhook's answer means, by its HTTP code and body (e.g. 404 no_service). */
    static ConnectorFailure ofWebhook(int code, String body, Optional<Duration> retryAfter) {
        if (code == 429) {
            return ConnectorFailure.rateLimited("Slack is rate limiting the hub (HTTP 429)", retryAfter);
        }
        if (code < 400 || code >= 500 || code == 408) {
            return ConnectorFailure.retriable("Slack did not take the alert (HTTP " + code + ")");
        }
        String said = body != null && !body.isBlank() ? ": " + body.strip() : "";
        String reason = "Slack refused the alert (HTTP " + code + said + "); check slack.webhook-url";
        return code == 401 || code == 403 ? ConnectorFailure.authentication(reason) : ConnectorFailure.permanent(reason);
    }

    /** camel-slack prints the response headers as {retry-after=[30]}. */
    private static Optional<Duration> retryAfter(String message) {
        Matcher header = RETRY_AFTER.matcher(message);
        return header.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(header.group(1)))) : Optional.empty();
    }
}
