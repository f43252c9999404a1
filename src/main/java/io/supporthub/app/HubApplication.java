package io.supporthub.app;

import com.zaxxer.hikari.HikariDataSource;
import io.supporthub.admin.ApiRole;
import io.supporthub.admin.ApiTokens;
import io.supporthub.connector.spi.ConfigException;
import io.supporthub.app.flow.HubStopping;
import io.supporthub.mail.auth.DkimKeys;
import io.supporthub.mail.auth.DnsDkimKeys;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running hub: database, beans and Camel Main with the YAML routes. */
public final class HubApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubApplication.class);

    /** Routes every mail passes through, each a few times per mail: timed as part of the routes that call them. */
    static final String PER_MAIL_ROUTES = "mail-prepare,triage-and-route,route-ticket,crm-lookup";

    private final Main main;
    private final HikariDataSource dataSource;
    private final Duration stopTimeout;

    private HubApplication(Main main, HikariDataSource dataSource, Duration stopTimeout) {
        this.main = main;
        this.dataSource = dataSource;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Starts the hub and returns once routes are running.
     *
     * @param extraRouteDirs further route folders (the sandbox adds its own)
     * @param camelOverrides Camel properties that win over application.properties (ports, in tests)
     * @param extraBeans further beans for the registry (the sandbox's description; a {@code hubClock} Clock and {@code hubDkimKeys}
     *                   DkimKeys in tests)
     */
    public static HubApplication start(HubSettings hub, ConnectorSettings connectors, Iterable<String> extraRouteDirs,
                                       Map<String, String> camelOverrides, Map<String, Object> extraBeans) throws Exception {
        if (hub.dbUrl().isBlank()) {
            throw new ConfigException("application.properties", "hub.db.url",
                    "is missing: expected a JDBC URL such as jdbc:postgresql://db:5432/supporthub (set HUB_DB_URL), or run 'sandbox' for an embedded database");
        }
        Path routes = Path.of(hub.routesDir());
        if (!Files.isDirectory(routes)) {
            throw new ConfigException("application.properties", "hub.routes-dir", "names '" + routes.toAbsolutePath()
                    + "', which is not a directory; start the hub from the folder holding routes/ or set HUB_ROUTES_DIR");
        }
        connectors.effectiveConfiguration().forEach(line -> LOG.info("Connector configuration: {}", line));

        HikariDataSource dataSource = Database.open(hub);
        Main main = new Main();
        try {
            StringBuilder pattern = new StringBuilder("file:" + routes.toAbsolutePath() + "/*.camel.yaml");
            for (String dir : extraRouteDirs) {
                pattern.append(",file:").append(Path.of(dir).toAbsolutePath()).append("/*.camel.yaml");
            }
            main.configure().withRoutesIncludePattern(pattern.toString());
            Map<String, String> properties = new LinkedHashMap<>(connectors.camelProperties());
            properties.put("hub.notification-retry-interval-ms", Long.toString(hub.notificationRetryInterval().toMillis()));
            properties.put("hub.sla.sweep-period-ms", Long.toString(hub.sla().sweepPeriod().toMillis()));
            properties.put("camel.main.shutdown-timeout", Long.toString(inFlightGrace(hub.stopTimeout()).toSeconds()));
            properties.forEach(main::addInitialProperty);
            camelOverrides.forEach(main::addOverrideProperty);
            // A test moves time through a "hubClock" bean instead of waiting; production runs on the system clock.
            Clock clock = extraBeans.get("hubClock") instanceof Clock given ? given : Clock.systemUTC();
            // DKIM keys come from DNS; a test publishes its own through a "hubDkimKeys" bean
            DkimKeys dkimKeys = extraBeans.get("hubDkimKeys") instanceof DkimKeys given ? given : new DnsDkimKeys(hub.mail().dkimDnsTimeout());
            HubBeans.create(hub, connectors, dataSource, clock, dkimKeys).forEach(main::bind);
            extraBeans.forEach(main::bind);
            if (!hub.adminToken().isEmpty()) {
                new ApiTokens(new io.supporthub.db.Transactions(dataSource)).install("admin", hub.adminToken().reveal(), ApiRole.ADMIN);
            }
            // The per-mail sub-routes carry no route metrics: the route policy formats a property name for each exchange on
            // each route it times, ~7 % of a warm hub's intake CPU over these four. Mail is counted by outcome instead
            // (MailIntakeCounts). camel-micrometer-prometheus sets up its route policies from this shared configuration.
            MicrometerRoutePolicyConfiguration.DEFAULT.setExcludePattern(PER_MAIL_ROUTES);
            main.start();
            if (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
                throw new IllegalStateException("Camel did not start; see the log above");
            }
            MailboxBeans.start(main.getCamelContext(), connectors.mailboxes());
            return new HubApplication(main, dataSource, hub.stopTimeout());
        } catch (Exception e) {
            main.stop();
            dataSource.close();
            throw e;
        }
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** The longest a stop may take (hub.stop-timeout). */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /**
     * What Camel gives work in flight at a stop, in whole seconds (its unit): four tenths of the stop's bound, so the
     * scheduler's jobs, the servers and (in the sandbox) the embedded services still stop within the rest.
     */
    static Duration inFlightGrace(Duration stopTimeout) {
        return Duration.ofSeconds(Math.max(1, stopTimeout.multipliedBy(4).dividedBy(10).toSeconds()));
    }

    /**
     * Stops taking work, lets what is in flight finish (or leaves it for the next start), then stops Camel and closes
     * the pool: long waits hear of the stop first, so a sweep's pause or a hung mailbox does not hold it.
     */
    @Override
    public void close() {
        try {
            CamelContext context = main.getCamelContext();
            java.util.Set<HubStopping> stopping = context == null ? java.util.Set.of() : context.getRegistry().findByType(HubStopping.class);
            stopping.forEach(HubStopping::hubStopping);
            main.stop();
            stopping.forEach(HubStopping::hubStopped);
        } finally {
            dataSource.close();
        }
    }
}
