package io.supporthub.app;

import io.supporthub.connector.spi.ConfigException;
import io.supporthub.connector.spi.ConfigSource;
import io.supporthub.triage.model.TriageEvalCommand;
import io.supporthub.triage.model.TriageTrainCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The runnable jar's entry point: {@code java -jar support-hub.jar [run|sandbox|help]}. */
public final class HubCommand {

    private static final String USAGE = """
            usage: java -jar target/support-hub.jar <command>

              run       run the hub against the services in connectors-config/ and HUB_DB_URL (the default)
              sandbox   run the whole flow on embedded defaults: PostgreSQL, a mail server, CRM and Slack simulators
                        [--compressed-sla: SLA targets of seconds, to watch warnings and breaches in a demo]
              triage-train --input FILE.csv --text subject,body --label COLUMN --out MODEL [--holdout 0.2 --seed 42]
              triage-train --from-db --out MODEL
                        train the ticket text classifier from labelled examples, or from the hub's solved tickets
              triage-eval  --model MODEL --input FILE.csv --text subject,body --label COLUMN [--holdout 0.2 --seed 42] [--json]
                        print accuracy, macro-F1 and the confusion matrix of a model
              mail-replay <id>|--all
                        run quarantined mail through intake again (needs the same configuration as run;
                        the mailbox is not polled meanwhile); --all takes mail that failed, a mail held by
                        the creation cap is released by its id
              help      show this text
            """;

    private HubCommand() {
    }

    public static void main(String[] args) {
        // exit explicitly: threads of embedded servers or libraries must not keep a stopped hub's process alive
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "run" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            return switch (command) {
                case "run" -> {
                    HubApplication hub = startProduction(System::getenv);
                    yield SignalledStop.runUntilStopped(hub, hub.stopTimeout());
                }
                case "sandbox" -> SandboxLauncher.run(rest, out, System::getenv);
                case "mail-replay" -> replayMail(rest, out, err);
                case "triage-train" -> rest.contains("--from-db")
                        ? TrainFromDatabase.run(rest, System::getenv, out, err)
                        : TriageTrainCommand.run(rest, out, err);
                case "triage-eval" -> TriageEvalCommand.run(rest, out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command '" + command + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("The hub could not start: " + e);
            return 1;
        }
    }

    static HubApplication startProduction(UnaryOperator<String> environment) throws Exception {
        HubSettings hub = loadHubSettings(environment);
        ConnectorSettings connectors = ConnectorSettings.load(Path.of(hub.connectorsConfigDir()), environment);
        return HubApplication.start(hub, connectors, List.of(), Map.of(), Map.of());
    }

    private static int replayMail(List<String> args, PrintStream out, PrintStream err) throws Exception {
        HubSettings hub = loadHubSettings(System::getenv);
        ConnectorSettings connectors = ConnectorSettings.load(Path.of(hub.connectorsConfigDir()), System::getenv);
        // A short-lived second instance beside a running hub: no mailbox polling, no fixed ports.
        Map<String, String> overrides = Map.of("mailbox.enabled", "false", "camel.server.port", "0", "camel.management.port", "0");
        try (HubApplication app = HubApplication.start(hub, connectors, List.of(), overrides, Map.of())) {
            return MailReplayCommand.replay(app, args, out, err);
        }
    }

    /** The {@code hub.*} keys of application.properties, with their environment references resolved. */
    public static HubSettings loadHubSettings(UnaryOperator<String> environment) throws IOException {
        try (InputStream in = HubCommand.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is missing from the classpath");
            }
            return HubSettings.from(ConfigSource.load(new InputStreamReader(in, StandardCharsets.UTF_8), "application.properties", environment));
        }
    }
}
