package io.supporthub.connector.salesforce;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.ConnectorDefinition;
import io.supporthub.connector.spi.Secret;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Salesforce org used as the CRM (Contacts and Accounts) through camel-salesforce. */
public record SalesforceSettings(boolean enabled, String loginUrl, String clientId, Secret clientSecret, String username,
                                 Secret password, String apiVersion, Duration timeout, Duration cacheTtl, Duration notFoundCacheTtl, Duration reEnrichInterval,
                                 CrmFields crmFields, SalesforceCircuitBreaker breaker) {

    private static final ConfigType<FieldPath> FIELD_PATH = new ConfigType<>(
            "a field of the Contact as SOQL names it: API names joined by dots, e.g. Account.Customer_Tier__c", FieldPath::parse);
    private static final ConfigType<OpenCases> OPEN_CASES = new ConfigType<>(
            "case-count, none, or a number field of the Contact such as Account.Open_Cases__c", OpenCases::parse);
    private static final ConfigType<List<String>> VALUES = new ConfigType<>("values separated by commas, e.g. VIP,Platinum",
            s -> Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());

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

    private static final ConfigType<Integer> PERCENT = new ConfigType<>("a whole percentage from 1 to 100", s -> {
        int n = Integer.parseInt(s.strip());
        if (n < 1 || n > 100) {
            throw new IllegalArgumentException();
        }
        return n;
    });
    static final ConfigKey<Integer> BREAKER_WINDOW = ConfigKey.optional("salesforce.breaker.window", ConfigType.POSITIVE_INT, "20",
            "How many recent CRM calls the circuit breaker judges");
    static final ConfigKey<Integer> BREAKER_MINIMUM_CALLS = ConfigKey.optional("salesforce.breaker.minimum-calls", ConfigType.POSITIVE_INT, "5",
            "How many calls the window needs before the circuit breaker judges at all (at most salesforce.breaker.window)");
    static final ConfigKey<Integer> BREAKER_FAILURE_RATE = ConfigKey.optional("salesforce.breaker.failure-rate", PERCENT, "50",
            "Percentage of failed or timed-out calls in the window that opens the circuit: tickets then go on as customer 'unknown' without asking");
    static final ConfigKey<Duration> BREAKER_OPEN_WAIT = ConfigKey.optional("salesforce.breaker.open-wait", ConfigType.DURATION, "PT30S",
            "How long an open circuit waits before a few calls probe the CRM again (whole seconds)");

    // Field paths start at the requester's Contact: "Account.X" is a field of its Account, a bare name one of the Contact.
    static final ConfigKey<FieldPath> TIER_FIELD = ConfigKey.optional("salesforce.field.tier", FIELD_PATH, "Account.Customer_Tier__c",
            "Field holding the customer's tier (usually a picklist on the Account)");
    static final ConfigKey<FieldPath> ARR_FIELD = ConfigKey.optional("salesforce.field.arr", FIELD_PATH, "Account.AnnualRevenue",
            "Number or currency field holding the account's annual recurring revenue");
    static final ConfigKey<FieldPath> HEALTH_FIELD = ConfigKey.optional("salesforce.field.health", FIELD_PATH, "Account.Health_Score__c",
            "Field holding the account's health score");
    static final ConfigKey<FieldPath> OWNER_FIELD = ConfigKey.optional("salesforce.field.owner", FIELD_PATH, "Account.Owner.Name",
            "Field holding the account owner's name");
    static final ConfigKey<OpenCases> OPEN_CASES_SOURCE = ConfigKey.optional("salesforce.open-cases", OPEN_CASES, "case-count",
            "Where the account's open cases come from: case-count (a second query counting its Cases with IsClosed = false), "
                    + "a roll-up summary field such as Account.Open_Cases__c, or none");
    static final ConfigKey<List<String>> VIP_VALUES = ConfigKey.optional("salesforce.tier.vip-values", VALUES, "VIP,Platinum,Strategic",
            "Values of the tier field that mean a VIP customer (case is ignored)");
    static final ConfigKey<List<String>> ENTERPRISE_VALUES = ConfigKey.optional("salesforce.tier.enterprise-values", VALUES, "Enterprise,Gold",
            "Values of the tier field that mean an enterprise customer; every other value, or none, is standard");

    public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("salesforce",
            List.of(ENABLED, LOGIN_URL, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, API_VERSION, TIMEOUT, CACHE_TTL, NOT_FOUND_CACHE_TTL,
                    REENRICH_INTERVAL, BREAKER_WINDOW, BREAKER_MINIMUM_CALLS, BREAKER_FAILURE_RATE, BREAKER_OPEN_WAIT,
                    TIER_FIELD, ARR_FIELD, HEALTH_FIELD, OWNER_FIELD, OPEN_CASES_SOURCE, VIP_VALUES, ENTERPRISE_VALUES));

    public static SalesforceSettings from(ConfigSource source) {
        DEFINITION.rejectUnknownKeys(source);
        if (!source.get(ENABLED)) {
            return new SalesforceSettings(false, "https://login.salesforce.com", "", Secret.of(""), "", Secret.of(""), "62.0",
                    Duration.ofSeconds(3), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1), CrmFields.DEFAULT, SalesforceCircuitBreaker.DEFAULT);
        }
        return new SalesforceSettings(true, source.get(LOGIN_URL).toString(), source.get(CLIENT_ID), source.get(CLIENT_SECRET),
                source.get(USERNAME), source.get(PASSWORD), source.get(API_VERSION), source.get(TIMEOUT), source.get(CACHE_TTL),
                source.get(NOT_FOUND_CACHE_TTL), source.get(REENRICH_INTERVAL), crmFields(source), breaker(source));
    }

    /** The circuit breaker's numbers; one that does not fit the others is an error naming its key. */
    static SalesforceCircuitBreaker breaker(ConfigSource source) {
        Duration timeout = source.get(TIMEOUT);
        Duration openWait = source.get(BREAKER_OPEN_WAIT);
        int window = source.get(BREAKER_WINDOW);
        int minimumCalls = source.get(BREAKER_MINIMUM_CALLS);
        if (minimumCalls > window) {
            throw new ConfigException(source.name(), BREAKER_MINIMUM_CALLS.name(), "must not exceed " + BREAKER_WINDOW.name() + " (" + window + ")");
        }
        for (ConfigKey<Duration> key : List.of(TIMEOUT, BREAKER_OPEN_WAIT)) {
            if (source.get(key).isNegative() || source.get(key).toMillis() < (key == TIMEOUT ? 1 : 1000)) {
                throw new ConfigException(source.name(), key.name(), key == TIMEOUT ? "must be above zero" : "must be at least one second");
            }
        }
        return new SalesforceCircuitBreaker(timeout, window, minimumCalls, source.get(BREAKER_FAILURE_RATE), openWait);
    }

    /** The org's field names and tier values; a value listed for two tiers is an error naming the second list. */
    static CrmFields crmFields(ConfigSource source) {
        TierMapping tiers;
        try {
            tiers = TierMapping.of(source.get(VIP_VALUES), source.get(ENTERPRISE_VALUES));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source.name(), ENTERPRISE_VALUES.name(), "must not repeat a value of " + VIP_VALUES.name() + ": " + e.getMessage());
        }
        return new CrmFields(source.get(TIER_FIELD), source.get(ARR_FIELD), source.get(HEALTH_FIELD), source.get(OWNER_FIELD),
                source.get(OPEN_CASES_SOURCE), tiers);
    }

    /**
     * Configures the camel-salesforce component. Lazy login keeps a CRM outage from stopping the
     * hub's start; with the CRM turned off the component still starts (routes name it) but never logs in.
     */
    public Map<String, String> camelProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("salesforce.enabled", Boolean.toString(enabled));
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
