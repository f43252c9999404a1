package io.supporthub.app;

import io.supporthub.connector.spi.ConfigKey;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.connector.spi.ConfigType;
import io.supporthub.connector.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The hub's own settings ({@code hub.*} in application.properties): database, paths, API token, public URL,
 * what mail intake accepts ({@code hub.mail.*}, {@link MailIntakeSettings}) and the SLA engine ({@link SlaSettings}).
 */
public record HubSettings(String dbUrl, String dbUsername, Secret dbPassword, int dbPoolSize, String connectorsConfigDir,
                          String policiesDir, String routesDir, URI publicUrl, Secret adminToken, Duration notificationRetryInterval,
                          String triageModel, Secret secretKeys, String schedulerName, int schedulerThreads, MailIntakeSettings mail,
                          SlaSettings sla, Duration stopTimeout) {

    static final ConfigKey<String> DB_URL = ConfigKey.optional("hub.db.url", ConfigType.TEXT, "",
            "JDBC URL of the hub's PostgreSQL database; required in run mode, empty in sandbox mode starts an embedded one");
    static final ConfigKey<String> DB_USERNAME = ConfigKey.optional("hub.db.username", ConfigType.TEXT, "postgres", "Database user");
    static final ConfigKey<Secret> DB_PASSWORD = ConfigKey.optional("hub.db.password", ConfigType.SECRET, "", "Database password");
    static final ConfigKey<Integer> DB_POOL_SIZE = ConfigKey.optional("hub.db.pool-size", ConfigType.POSITIVE_INT, "10", "Most database connections one hub instance holds");
    static final ConfigKey<String> CONNECTORS_CONFIG_DIR = ConfigKey.optional("hub.connectors-config-dir", ConfigType.TEXT, "connectors-config",
            "Directory holding <connector>.properties files");
    static final ConfigKey<String> POLICIES_DIR = ConfigKey.optional("hub.policies-dir", ConfigType.TEXT, "",
            "Directory whose policy files (e.g. triage-rules.yaml) override the built-in ones; empty uses the built-in ones");
    static final ConfigKey<String> ROUTES_DIR = ConfigKey.optional("hub.routes-dir", ConfigType.TEXT, "routes", "Directory holding the *.camel.yaml routes");
    static final ConfigKey<URI> PUBLIC_URL = ConfigKey.optional("hub.public-url", ConfigType.URL, "http://127.0.0.1:8080",
            "Base URL under which people reach the hub; links in alerts point here");
    static final ConfigKey<Secret> ADMIN_TOKEN = ConfigKey.optional("hub.admin-token", ConfigType.SECRET, "",
            "Bearer token installed for the admin role at start; empty in sandbox mode generates one");
    static final ConfigKey<Duration> NOTIFICATION_RETRY = ConfigKey.optional("hub.notification-retry-interval", ConfigType.DURATION, "PT15S",
            "How often failed or interrupted notifications are sent again");

    static final ConfigKey<String> TRIAGE_MODEL = ConfigKey.optional("hub.triage-model", ConfigType.TEXT, "",
            "Model file written by triage-train; empty trains the built-in seed model at start");

    static final ConfigKey<Secret> SECRET_KEYS = ConfigKey.optional("hub.secret-keys", ConfigType.SECRET, "",
            "AES-256 keys that seal credentials the hub stores, as id:base64 pairs separated by commas, current key first");

    static final ConfigKey<String> SCHEDULER_NAME = ConfigKey.optional("hub.scheduler.name", ConfigType.TEXT, "support-hub",
            "Name of the clustered Quartz scheduler; instances with the same name on one database share its jobs, each job running on one of them at a time");
    static final ConfigKey<Integer> SCHEDULER_THREADS = ConfigKey.optional("hub.scheduler.threads", ConfigType.POSITIVE_INT, "6",
            "Quartz worker threads of one instance: one per scheduled job that may run at once (mailbox polls, SLA sweep, retries)");

    static final ConfigKey<Duration> STOP_TIMEOUT = ConfigKey.optional("hub.stop-timeout", ConfigType.DURATION, "PT10S",
            "Longest a stop (SIGINT, SIGTERM) may take: work in flight finishes or is left for the next start within it");

    public static final List<ConfigKey<?>> KEYS = List.of(DB_URL, DB_USERNAME, DB_PASSWORD, DB_POOL_SIZE, CONNECTORS_CONFIG_DIR,
            POLICIES_DIR, ROUTES_DIR, PUBLIC_URL, ADMIN_TOKEN, NOTIFICATION_RETRY, TRIAGE_MODEL, SECRET_KEYS, SCHEDULER_NAME, SCHEDULER_THREADS,
            STOP_TIMEOUT);

    public static HubSettings from(ConfigSource source) {
        return new HubSettings(source.get(DB_URL), source.get(DB_USERNAME), source.get(DB_PASSWORD), source.get(DB_POOL_SIZE),
                source.get(CONNECTORS_CONFIG_DIR), source.get(POLICIES_DIR), source.get(ROUTES_DIR), source.get(PUBLIC_URL),
                source.get(ADMIN_TOKEN), source.get(NOTIFICATION_RETRY), source.get(TRIAGE_MODEL), source.get(SECRET_KEYS),
                source.get(SCHEDULER_NAME), source.get(SCHEDULER_THREADS), MailIntakeSettings.from(source), SlaSettings.from(source),
                source.get(STOP_TIMEOUT));
    }

    public HubSettings withDatabase(String url, String username, Secret password) {
        return new HubSettings(url, username, password, dbPoolSize, connectorsConfigDir, policiesDir, routesDir, publicUrl, adminToken,
                notificationRetryInterval, triageModel, secretKeys, schedulerName, schedulerThreads, mail, sla, stopTimeout);
    }

    public HubSettings withAdminToken(Secret token) {
        return new HubSettings(dbUrl, dbUsername, dbPassword, dbPoolSize, connectorsConfigDir, policiesDir, routesDir, publicUrl, token,
                notificationRetryInterval, triageModel, secretKeys, schedulerName, schedulerThreads, mail, sla, stopTimeout);
    }
}
