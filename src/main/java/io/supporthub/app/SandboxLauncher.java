package io.supporthub.app;

import io.supporthub.admin.ApiTokens;
import io.supporthub.connector.spi.Secret;
import io.supporthub.sandbox.Sandbox;
import io.supporthub.sandbox.SandboxPorts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code sandbox}: the hub on the sandbox's embedded services (PostgreSQL, a mail server, CRM and Slack simulators).
 * The services start before the hub and stop after it, so the hub has its database and mail server to the end.
 */
public final class SandboxLauncher {

    /** A running sandbox: closing stops the hub first, then the services it used. */
    public record Running(HubApplication hub, Sandbox sandbox) implements AutoCloseable {
        @Override
        public void close() {
            try {
                hub.close();
            } finally {
                sandbox.close();
            }
        }
    }

    private SandboxLauncher() {
    }

    static int run(List<String> args, PrintStream out, UnaryOperator<String> environment) throws Exception {
        List<String> flags = new ArrayList<>(args);
        boolean compressed = flags.remove(Sandbox.COMPRESSED_SLA_FLAG) || "compressed".equalsIgnoreCase(environment.apply("HUB_SANDBOX_SLA"));
        Running running = start(SandboxPorts.from(flags, environment), environment, compressed);
        out.println(running.sandbox().banner());
        return SignalledStop.runUntilStopped(running, running.hub().stopTimeout());
    }

    public static Running start(SandboxPorts ports, UnaryOperator<String> environment) throws Exception {
        return start(ports, environment, false);
    }

    /**
     * @param compressedSla run on the demo policies (targets of seconds), unless HUB_POLICIES_DIR names a policies
     *                      folder already
     */
    public static Running start(SandboxPorts ports, UnaryOperator<String> environment, boolean compressedSla) throws Exception {
        HubSettings settings = HubCommand.loadHubSettings(environment);
        String token = settings.adminToken().isEmpty() ? ApiTokens.generate() : settings.adminToken().reveal();
        Sandbox sandbox = Sandbox.start(ports, settings.dbUrl(), token, compressedSla && settings.policiesDir().isBlank());
        try {
            Path demoPolicies = sandbox.compressedSlaFolder();
            if (demoPolicies != null) {
                settings = HubCommand.loadHubSettings(name -> name.equals("HUB_POLICIES_DIR") ? demoPolicies.toString() : environment.apply(name));
            }
            settings = settings.withDatabase(sandbox.jdbcUrl(), settings.dbUsername(), settings.dbPassword()).withAdminToken(Secret.of(token));
            Map<String, String> camel = new LinkedHashMap<>();
            camel.put("camel.server.port", Integer.toString(ports.http()));
            camel.put("camel.management.port", Integer.toString(ports.management()));
            HubApplication hub = HubApplication.start(settings, ConnectorSettings.from(sandbox.connectorSources()),
                    List.of(Path.of(settings.routesDir(), "sandbox").toString()), camel, Map.of("sandboxDescription", sandbox.description()));
            return new Running(hub, sandbox);
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }
}
