package io.supporthub.connector.slack;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.ConnectorDefinition;
import io.supporthub.connector.spi.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where Slack alerts go: an incoming webhook, or a bot token with chat.postMessage. */
public record SlackSettings(boolean enabled, String mode, Secret webhookUrl, Secret token, String serverUrl, String channel,
                            SlackChannels channels) {

    static final ConfigKey<Boolean> ENABLED = ConfigKey.optional("slack.enabled", ConfigType.BOOLEAN, "true", "Send Slack alerts; false keeps them pending");
    static final ConfigKey<String> MODE = ConfigKey.optional("slack.mode", ConfigType.oneOf("webhook", "token"), "webhook",
            "webhook (incoming webhook URL) or token (bot token, chat.postMessage)");
    static final ConfigKey<Secret> WEBHOOK_URL = ConfigKey.optional("slack.webhook-url", ConfigType.SECRET, "", "Incoming webhook URL; required in webhook mode");
    static final ConfigKey<Secret> TOKEN = ConfigKey.optional("slack.token", ConfigType.SECRET, "", "Bot token (xoxb-…); required in token mode");
    static final ConfigKey<java.net.URI> SERVER_URL = ConfigKey.optional("slack.server-url", ConfigType.URL, "https://slack.com", "Slack API base URL");
    static final ConfigKey<String> CHANNEL = ConfigKey.optional("slack.channel", ConfigType.TEXT, "#support-alerts", "Channel that receives ticket alerts");
    static final ConfigKey<String> CHANNELS = ConfigKey.optional("slack.channels", ConfigType.TEXT, "",
            "Channels per support tier, queue or audience, e.g. tier:T3=#t3-oncall, queue:emergency=#incidents, audience:manager=#support-leads; "
                    + "alerts matching none go to slack.channel (token mode; an incoming webhook posts to its own channel)");

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("slack",
            List.of(ENABLED, MODE, WEBHOOK_URL, TOKEN, SERVER_URL, CHANNEL, CHANNELS));

    public static SlackSettings from(ConfigSource source) {
        DEFINITION.rejectUnknownKeys(source);
        boolean enabled = source.get(ENABLED);
        String mode = source.get(MODE);
        Secret webhook = source.get(WEBHOOK_URL);
        Secret token = source.get(TOKEN);
        if (enabled && mode.equals("webhook") && webhook.isEmpty()) {
            throw new ConfigException(source.name(), WEBHOOK_URL.name(), "is required when slack.mode=webhook: expected the incoming webhook URL");
        }
        if (enabled && mode.equals("token") && token.isEmpty()) {
            throw new ConfigException(source.name(), TOKEN.name(), "is required when slack.mode=token: expected a bot token");
        }
        String channel = source.get(CHANNEL);
        SlackChannels channels;
        try {
            channels = SlackChannels.parse(channel, source.get(CHANNELS));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source.name(), CHANNELS.name(), e.getMessage());
        }
        return new SlackSettings(enabled, mode, webhook, token, source.get(SERVER_URL).toString(), channel, channels);
    }

    /** The placeholders {@code routes/notify.camel.yaml} reads; only the chosen mode's credential is set. */
    public Map<String, String> routeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("slack.channel", channel);
        p.put("slack.server-url", serverUrl);
        if (mode.equals("webhook")) {
            p.put("slack.webhook-url", webhookUrl.reveal());
        } else {
            p.put("slack.token", token.reveal());
        }
        return p;
    }
}
