package io.supporthub.connector.slack;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a Slack answer that no retry can change (a webhook that is gone, a channel the app is not in, a revoked token)
 * from a passing one (the rate limit, Slack's server errors), by the message camel-slack fails with: "Error POSTing to
 * Slack API: " and the response — a webhook's with its HTTP code and body, the Web API's with its error.
 */
public final class SlackRefusals {

    /** Slack Web API errors that say the request itself is wrong: the same request fails the same way every time. */
    private static final Set<String> REFUSALS = Set.of("channel_not_found", "not_in_channel", "is_archived", "invalid_auth",
            "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "missing_scope", "invalid_blocks",
            "invalid_arguments", "msg_too_long", "no_text", "restricted_action", "team_access_not_granted");
    private static final Pattern WEBHOOK_CODE = Pattern.compile("Slack API: WebhookResponse\\(code=(\\d{3})\\b");
    private static final Pattern WEBHOOK_BODY = Pattern.compile("\\bbody=([^,)]*)");
    private static final Pattern API_ERROR = Pattern.compile("Slack API: \\w+Response\\(ok=false\\b.*?\\berror=(\\w+)");

    private SlackRefusals() {
    }

    /** Why Slack refused for good, naming the settings to check; empty for any other message. */
    public static Optional<String> refusal(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher webhook = WEBHOOK_CODE.matcher(message);
        if (webhook.find()) {
            int code = Integer.parseInt(webhook.group(1));
            if (code < 400 || code >= 500 || code == 408 || code == 429) {
                return Optional.empty();
            }
            Matcher body = WEBHOOK_BODY.matcher(message);
            String said = body.find(webhook.end()) && !body.group(1).isBlank() ? ": " + body.group(1).strip() : "";
            return Optional.of("Slack refused the alert (HTTP " + code + said + "); check slack.webhook-url");
        }
        Matcher api = API_ERROR.matcher(message);
        if (api.find() && REFUSALS.contains(api.group(1))) {
            return Optional.of("Slack refused the alert (" + api.group(1)
                    + "); check slack.token, slack.channel and slack.channels, and that the app is in the channel");
        }
        return Optional.empty();
    }
}
