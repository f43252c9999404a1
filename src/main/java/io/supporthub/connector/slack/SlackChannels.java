package io.supporthub.connector.slack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which Slack channel an alert goes to: the channel of its audience (managers, executives) when
 * one is set, else of its queue, else of its support tier, else the default channel. Written in
 * {@code slack.channels} as {@code tier:T3=#t3-oncall, queue:emergency=#incidents, audience:manager=#support-leads}.
 */
public final class SlackChannels {

    private static final String FORMAT = "comma-separated entries like tier:T3=#t3-oncall, queue:emergency=#incidents, audience:manager=#support-leads";

    private final String defaultChannel;
    private final Map<String, String> channels;

    private SlackChannels(String defaultChannel, Map<String, String> channels) {
        this.defaultChannel = defaultChannel;
        this.channels = Map.copyOf(channels);
    }

    /** Reads the {@code slack.channels} text; throws IllegalArgumentException naming the bad entry. */
    public static SlackChannels parse(String defaultChannel, String text) {
        Map<String, String> channels = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String entry : text.split(",")) {
                String e = entry.strip();
                int eq = e.indexOf('=');
                int colon = e.indexOf(':');
                if (eq < 0 || colon < 0 || colon > eq) {
                    throw new IllegalArgumentException("entry '" + e + "' is not selector=channel; expected " + FORMAT);
                }
                String kind = e.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = e.substring(colon + 1, eq).strip();
                String channel = e.substring(eq + 1).strip();
                if (!kind.equals("tier") && !kind.equals("queue") && !kind.equals("audience")) {
                    throw new IllegalArgumentException("entry '" + e + "' selects by '" + kind + "'; use tier:, queue: or audience:");
                }
                if (value.isEmpty() || channel.isEmpty()) {
                    throw new IllegalArgumentException("entry '" + e + "' needs a value and a channel; expected " + FORMAT);
                }
                channels.put(key(kind, value), channel);
            }
        }
        return new SlackChannels(defaultChannel, channels);
    }

    public static SlackChannels only(String defaultChannel) {
        return new SlackChannels(defaultChannel, Map.of());
    }

    /** The channel for an alert's facts ({@code audience}, {@code queue}, {@code tier}). */
    public String channelFor(Map<String, Object> facts) {
        for (String kind : new String[] {"audience", "queue", "tier"}) {
            Object value = facts.get(kind);
            if (value != null) {
                String channel = channels.get(key(kind, value.toString()));
                if (channel != null) {
                    return channel;
                }
            }
        }
        return defaultChannel;
    }

    private static String key(String kind, String value) {
        String v = kind.equals("tier") ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT);
        return kind + ":" + v;
    }

    @Override
    public String toString() {
        return channels.isEmpty() ? "all alerts to " + defaultChannel : channels + ", otherwise " + defaultChannel;
    }
}
