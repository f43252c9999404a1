package io.supporthub.connector.salesforce;

import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.ConnectorDefinition;
import io.supporthub.connector.spi.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Salesforce org used as the CRM (Contacts and Accounts) through camel-salesforce. */
public record SalesforceSettings(boolean enabled, String loginUrl, String clientId, Secret clientSecret, String username,
                                 Secret password, String apiVersion, Duration timeout, Duration cacheTtl, Duration notFoundCacheTtl, Duration reEnrichInterval) {

    static final ConfigKey<Boolean> ENABLED = ConfigKey.optional("salesforce.enabled", ConfigType.BOOLEAN, "true",
            "Look customers up in Salesforce; false treats every requester as customer 'unknown'");
    static final ConfigKey<java.net.URI> LOGIN_URL = ConfigKey.optional("salesforce.login-url", ConfigType.URL, "https://login.salesforce.com",
            "OAuth login URL (https://test.salesforce.com for a sandbox org, or the org's My Domain URL)");
    static final ConfigKey<String> CLIENT_ID = ConfigKey.required("salesforce.client-id", ConfigType.TEXT, "Consumer key of the connected app");
    static final ConfigKey<Secret> CLIENT_SECRET = ConfigKey.required("salesforce.client-secret", ConfigType.SECRET, "Consumer secret of the connected app");
    static final ConfigKey<String> USERNAME = ConfigKey.required("salesforce.username", ConfigType.TEXT, "Integration user's login");
    static final ConfigKey<Secret> PASSWORD = ConfigKey.required("salesforce.password", ConfigType.SECRET, "Integration user's password followed by its security token");
    static final ConfigKey<String> API_VERSION = ConfigKey.optional("salesforce.api-version", ConfigType.TEXT, "62.0", "REST API version, e.g. 62.0");
    static final ConfigKey<Duration> TIMEOUT = ConfigKey.optional("salesforce.timeout", ConfigType.DURATION, "PT3S",
            "Longest wait for a CRM answer before the ticket goes on as customer 'unknown'");

    static final ConfigKey<Duration> CACHE_TTL = ConfigKey.optional("salesforce.cache-ttl", ConfigType.DURATION, "PT1H",
            "How long a customer found in the CRM is used without asking again");
    static final ConfigKey<Duration> NOT_FOUND_CACHE_TTL = ConfigKey.optional("salesforce.not-found-cache-ttl", ConfigType.DURATION, "PT10M",
            "How long an e-mail the CRM does not know is taken as a new customer without asking again");

    static final ConfigKey<Duration> REENRICH_INTERVAL = ConfigKey.optional("salesforce.reenrich-interval", ConfigType.DURATION, "PT1M",
            "How often tickets that came in during a CRM outage are looked up again");

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("salesforce",
            List.of(ENABLED, LOGIN_URL, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, API_VERSION, TIMEOUT, CACHE_TTL, NOT_FOUND_CACHE_TTL,
                    REENRICH_INTERVAL));

    public static SalesforceSettings from(ConfigSource source) {
        DEFINITION.rejectUnknownKeys(source);
        if (!source.get(ENABLED)) {
            return new SalesforceSettings(false, "https://login.salesforce.com", "", Secret.of(""), "", Secret.of(""), "62.0",
                    Duration.ofSeconds(3), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
        }
        return new SalesforceSettings(true, source.get(LOGIN_URL).toString(), source.get(CLIENT_ID), source.get(CLIENT_SECRET),
                source.get(USERNAME), source.get(PASSWORD), source.get(API_VERSION), source.get(TIMEOUT), source.get(CACHE_TTL),
                source.get(NOT_FOUND_CACHE_TTL), source.get(REENRICH_INTERVAL));
    }

    /**
     * Configures the camel-salesforce component. Lazy login keeps a CRM outage from stopping the
     * hub's start; with the CRM turned off the component still starts (routes name it) but never logs in.
     */
    public Map<String, String> camelProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("salesforce.enabled", Boolean.toString(enabled));
        p.put("salesforce.timeout-ms", Long.toString(timeout.toMillis()));
        p.put("salesforce.reenrich-interval-ms", Long.toString(reEnrichInterval.toMillis()));
        p.put("camel.component.salesforce.login-url", loginUrl);
        p.put("camel.component.salesforce.lazy-login", "true");
        p.put("camel.component.salesforce.raw-payload", "true");
        // the hub reads raw JSON and ships no generated SObject classes; naming the package silences the DTO warning
        p.put("camel.component.salesforce.packages", "io.supporthub.connector.salesforce");
        p.put("camel.component.salesforce.authentication-type", "USERNAME_PASSWORD");
        p.put("camel.component.salesforce.api-version", apiVersion);
        p.put("camel.component.salesforce.client-id", enabled ? clientId : "crm-disabled");
        p.put("camel.component.salesforce.client-secret", enabled ? clientSecret.reveal() : "crm-disabled");
        p.put("camel.component.salesforce.user-name", enabled ? username : "crm-disabled");
        p.put("camel.component.salesforce.password", enabled ? password.reveal() : "crm-disabled");
        return p;
    }
}
