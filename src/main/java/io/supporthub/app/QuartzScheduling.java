package io.supporthub.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The {@code quartz} component on Quartz's clustered JDBC store, in the hub's own database and pool:
 * instances sharing a scheduler name run each job on one of them at a time, with failover.
 */
final class QuartzScheduling {

    /** Quartz finds its data source in a JVM-wide registry by name; each hub started in one JVM (tests) gets its own entry. */
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    private QuartzScheduling() {
    }

    /**
     * @param longRunningJobs jobs that may hold a worker thread for a long time (one per mailbox: a poll works a
     *                        backlog off, or waits on a hung server); each gets a thread on top of the configured ones' minimum
     */
    static QuartzComponent component(HubSettings hub, DataSource dataSource, int longRunningJobs) {
        String dataSourceName = "hub-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledConnections(dataSource));
        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(properties(hub, dataSourceName, longRunningJobs));
        // the cluster is named by hub.scheduler.name alone, so every instance must agree on that one setting only
        quartz.setPrefixInstanceName(false);
        // a running job (a mailbox drain, an SLA sweep) finishes its batch at shutdown rather than being torn mid-way, and
        // Quartz waits for it so that its trigger is released for the next start; jobs hear of the stop (HubStopping) and
        // end within the stop's bound
        quartz.setInterruptJobsOnShutdown(false);
        return quartz;
    }

    static Properties properties(HubSettings hub, String dataSourceName, int longRunningJobs) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", hub.schedulerName());
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // the hub's stop ends its jobs and then the process; a worker still stuck somewhere must not keep the JVM alive
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        // a hung mailbox holds its thread until its timeout; the other jobs must still find one
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(hub.schedulerThreads(), longRunningJobs + 2)));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        // a node that stops checking in for this long has its jobs taken over by another
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        // a trigger late by more than this is a misfire (handled per trigger); the default 60 s would hide stalls.
        // It is also how long the misfire handler may sleep: a job that ran longer than its interval (a mailbox poll
        // working off a backlog) has its next run picked up by that handler, so a short threshold keeps the gap short.
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    /** Lends Quartz connections from the hub's HikariCP pool instead of a second pool of its own. */
    private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the hub, which closes it after Camel has stopped
        }

        @Override
        public void initialize() {
        }
    }
}
