package io.supporthub.connector.zendesk;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.ConnectorDefinition;
import io.supporthub.connector.spi.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Zendesk account the hub keeps in sync, reached through Support API v2 with an API token. Only
 * configuration names the account, so the same adapter talks to a real Zendesk or to the sandbox's.
 *
 * @param integrationUserId the hub's own API user in Zendesk, when known: changes it made are echoes
 */
public record ZendeskSettings(boolean enabled, URI baseUrl, String email, Secret apiToken, Secret webhookSecret,
                              OptionalLong integrationUserId, Duration timeout, long attachmentMaxSize, int exportRequestsPerMinute) {

    private static final ConfigType<OptionalLong> USER_ID = new ConfigType<>("a Zendesk user id (a whole number above 0), or nothing", s -> {
        if (s.isBlank()) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(s.strip());
        if (id <= 0) {
            throw new IllegalArgumentException();
        }
        return OptionalLong.of(id);
    });

    static final ConfigKey<Boolean> ENABLED = ConfigKey.optional("zendesk.enabled", ConfigType.BOOLEAN, "false",
            "Keep tickets in sync with a Zendesk account; false leaves Zendesk alone");
    static final ConfigKey<URI> BASE_URL = ConfigKey.required("zendesk.base-url", ConfigType.URL,
            "The account's address without /api/v2, e.g. https://acme.zendesk.com");
    static final ConfigKey<String> EMAIL = ConfigKey.required("zendesk.email", ConfigType.EMAIL,
            "E-mail of the agent or admin the hub signs in as (the API token's user)");
    static final ConfigKey<Secret> API_TOKEN = ConfigKey.required("zendesk.api-token", ConfigType.SECRET,
            "API token from Admin Center > Apps and integrations > Zendesk API; sent as Basic {email}/token:{api-token}");
    static final ConfigKey<Secret> WEBHOOK_SECRET = ConfigKey.optional("zendesk.webhook-secret", ConfigType.SECRET, "",
            "Signing secret of the webhook Zendesk calls at /webhooks/zendesk; while empty every delivery is refused and polling alone keeps sync");
    static final ConfigKey<OptionalLong> INTEGRATION_USER_ID = ConfigKey.optional("zendesk.integration-user-id", USER_ID, "",
            "Zendesk id of the user zendesk.email names (the connection test shows it); changes made by it are the hub's own echoes");
    static final ConfigKey<Duration> TIMEOUT = ConfigKey.optional("zendesk.timeout", ConfigType.DURATION, "PT30S",
            "Longest wait for one Zendesk answer (connecting, then the whole answer)");
    static final ConfigKey<Long> ATTACHMENT_MAX_SIZE = ConfigKey.optional("zendesk.attachment-max-size", ConfigType.BYTE_SIZE, "20MB",
            "Largest file the hub uploads to or downloads from Zendesk; a larger one keeps its name and size only");
    static final ConfigKey<Integer> EXPORT_REQUESTS_PER_MINUTE = ConfigKey.optional("zendesk.export-requests-per-minute",
            ConfigType.POSITIVE_INT, "10",
            "Incremental export requests the hub sends per minute at most: Zendesk allows 10, or 30 with the High Volume API add-on");

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("zendesk", List.of(ENABLED, BASE_URL, EMAIL, API_TOKEN,
            WEBHOOK_SECRET, INTEGRATION_USER_ID, TIMEOUT, ATTACHMENT_MAX_SIZE, EXPORT_REQUESTS_PER_MINUTE));

    public static final ZendeskSettings DISABLED = new ZendeskSettings(false, URI.create("https://disabled.zendesk.invalid"), "",
            Secret.of(""), Secret.of(""), OptionalLong.empty(), Duration.ofSeconds(30), 20L << 20, 10);

    public ZendeskSettings {
        baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
    }

    public static ZendeskSettings from(ConfigSource source) {
        DEFINITION.rejectUnknownKeys(source);
        if (!source.get(ENABLED)) {
            return DISABLED;
        }
        URI baseUrl = source.get(BASE_URL);
        if (baseUrl.getPath() != null && baseUrl.getPath().replaceAll("/+$", "").endsWith("/api/v2")) {
            throw new ConfigException(source.name(), BASE_URL.name(), "must name the account without /api/v2, e.g. https://acme.zendesk.com");
        }
        if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new ConfigException(source.name(), BASE_URL.name(), "must be the account's address alone, without ?query or #fragment");
        }
        Duration timeout = source.get(TIMEOUT);
        if (timeout.isNegative() || timeout.toMillis() < 1) {
            throw new ConfigException(source.name(), TIMEOUT.name(), "must be above zero");
        }
        return new ZendeskSettings(true, baseUrl, source.get(EMAIL), source.get(API_TOKEN), source.get(WEBHOOK_SECRET), source.get(INTEGRATION_USER_ID),
                timeout, source.get(ATTACHMENT_MAX_SIZE), source.get(EXPORT_REQUESTS_PER_MINUTE));
    }

    /** The Authorization header of API-token authentication: Basic base64("{email}/token:{api_token}"). */
    String authorization() {
        String credentials = email + "/token:" + apiToken.reveal();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code uri} points at the account itself, the only place the hub's credentials may go. */
    boolean isAccountAddress(URI uri) {
        return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                && uri.getHost() != null && uri.getHost().equalsIgnoreCase(baseUrl.getHost()) && uri.getPort() == baseUrl.getPort();
    }
}
