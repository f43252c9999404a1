package io.supporthub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.supporthub.testing.FreePort;
import io.supporthub.testing.FreezableProxy;
import io.supporthub.testing.HubProcess;
import io.supporthub.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built jar as a process, stopped the ways people and platforms stop it — Ctrl-C to its process group, SIGTERM to
 * its pid — while mail comes in and the SLA sweep runs: it exits with status 0 within hub.stop-timeout (10 s), holds no
 * port, leaves no process, and the next start takes in every mail the stop left: exactly one ticket per mail.
 */
class CleanStopProcessIT {

    /** hub.stop-timeout's default, plus the JVM's own exit after the hub has stopped. */
    static final Duration BOUND = Duration.ofSeconds(10).plusMillis(1500);
    static final String SUPPORT = "support@example.com";

    Path work;
    GreenMail mail;
    HubProcess hub;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(Path.of("target", "clean-stop")).toAbsolutePath();
        work = Files.createTempDirectory(work, "run-");
    }

    @AfterEach
    void tearDown() {
        if (hub != null) {
            hub.destroyIfAlive();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void run_mode_stops_cleanly_on_ctrl_c_and_on_sigterm_and_the_next_start_takes_in_what_was_left() throws Exception {
        String database = startMailAndDatabase();
        Map<String, String> env = runModeEnvironment(database, mail.getImap().getPort());

        deliver(0, 150);
        hub = HubProcess.start(work, work.resolve("run-1.log"), env, "run");
        stopWhileTakingMailIn(hub, true, hubPorts(env));

        hub = HubProcess.start(work, work.resolve("run-2.log"), env, "run");
        await().atMost(Duration.ofSeconds(90)).until(() -> count(database, "select count(*) from mail_message") == 150);
        deliver(150, 150);
        stopWhileTakingMailIn(hub, false, hubPorts(env));

        hub = HubProcess.start(work, work.resolve("run-3.log"), env, "run");
        await().atMost(Duration.ofSeconds(90)).until(() -> count(database, "select count(*) from mail_message") == 300 && unseen() == 0);
        hub.terminate();
        assertThat(hub.awaitExit(BOUND)).isZero();

        assertThat(count(database, "select count(*) from ticket")).as("one ticket per mail").isEqualTo(300);
        assertThat(count(database, "select count(distinct message_key) from mail_message")).isEqualTo(300);
        assertThat(count(database, "select count(*) from notification where state = 'sending'")).as("no claim left behind").isZero();
    }

    @Test
    void a_mailbox_server_that_stopped_answering_does_not_hold_the_stop() throws Exception {
        String database = startMailAndDatabase();
        try (FreezableProxy imap = new FreezableProxy(mail.getImap().getPort())) {
            Map<String, String> env = runModeEnvironment(database, imap.port());
            deliver(0, 20);
            hub = HubProcess.start(work, work.resolve("hung-imap.log"), env, "run");
            await().atMost(Duration.ofSeconds(120)).until(() -> count(database, "select count(*) from mail_message") == 20);
            imap.freeze();
            deliver(20, 5);
            // the hub now waits on a server that says nothing, for up to the mailbox timeout (60 s)
            await().atMost(Duration.ofSeconds(10)).until(() -> imap.held() > 0);
            long start = System.nanoTime();
            hub.terminate();
            assertThat(hub.awaitExit(BOUND)).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(BOUND);
            assertThat(hubPorts(env)).allSatisfy(port -> assertThat(HubProcess.isListening(port)).isFalse());
        }
    }

    @Test
    void the_sandbox_stops_its_services_after_the_hub_and_a_killed_one_leaves_no_database_behind() throws Exception {
        for (String way : List.of("ctrl-c", "sigterm", "sigkill")) {
            int[] ports = {FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next(), FreePort.next()};
            hub = HubProcess.start(work, work.resolve("sandbox-" + way + ".log"), Map.of(), "sandbox",
                    "--http-port=" + ports[0], "--management-port=" + ports[1], "--smtp-port=" + ports[2], "--imap-port=" + ports[3],
                    "--salesforce-port=" + ports[4], "--slack-port=" + ports[5], "--zendesk-port=" + ports[6]);
            HubProcess running = hub;
            await().atMost(Duration.ofSeconds(120)).until(() -> running.log().contains("sandbox is running"));
            for (int i = 0; i < 20; i++) {
                GreenMailUtil.sendTextEmail("support@sandbox.local", "customer" + i + "@example.org", "Problem " + i, "Something broke " + i,
                        new ServerSetup(ports[2], "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> running.log().contains("committed together"));
            if (way.equals("sigkill")) {
                hub.kill();
                hub.awaitExit(Duration.ofSeconds(5));
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(HubProcess.leftovers(running.pid(), work.toString())).as("the watchdog ends the database").isEmpty());
            } else {
                stopWhileTakingMailIn(hub, way.equals("ctrl-c"), Arrays.stream(ports).boxed().toList());
            }
        }
    }

    /** Stops the hub once it has committed a batch; it must exit with 0 within the bound and leave nothing behind. */
    private void stopWhileTakingMailIn(HubProcess process, boolean ctrlC, List<Integer> ports) throws Exception {
        await().atMost(Duration.ofSeconds(120)).until(() -> process.log().contains("committed together"));
        long start = System.nanoTime();
        if (ctrlC) {
            assertThat(process.ignoresSigint()).as("SIGINT reaches the hub (a shell that started the build in the background ignores it)").isFalse();
            process.interruptGroup();
        } else {
            process.terminate();
        }
        int status = process.awaitExit(BOUND);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(status).as("exit status; log: " + process.log().lines().filter(l -> l.contains("SignalledStop")).toList()).isZero();
        assertThat(took).isLessThanOrEqualTo(BOUND);
        assertThat(ports).allSatisfy(port -> assertThat(HubProcess.isListening(port)).as("port %d after the stop", port).isFalse());
        assertThat(HubProcess.leftovers(process.pid(), work.toString())).as("processes left behind").isEmpty();
    }

    private String startMailAndDatabase() throws Exception {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(FreePort.next(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(FreePort.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
        mail.start();
        mail.setUser(SUPPORT, "support", "secret");
        return TestDatabase.create();
    }

    private Map<String, String> runModeEnvironment(String database, int imapPort) {
        return Map.ofEntries(Map.entry("HUB_DB_URL", database), Map.entry("HUB_DB_USERNAME", "postgres"),
                Map.entry("HUB_HTTP_PORT", Integer.toString(FreePort.next())), Map.entry("HUB_MGMT_PORT", Integer.toString(FreePort.next())),
                Map.entry("MAILBOX_PROTOCOL", "imap"), Map.entry("MAILBOX_HOST", "127.0.0.1"),
                Map.entry("MAILBOX_PORT", Integer.toString(imapPort)), Map.entry("MAILBOX_USERNAME", "support"),
                Map.entry("MAILBOX_PASSWORD", "secret"), Map.entry("MAILBOX_ADDRESS", SUPPORT), Map.entry("MAILBOX_POLL_INTERVAL", "PT0.5S"),
                Map.entry("MAILBOX_MAX_MESSAGES_PER_POLL", "20"), Map.entry("SMTP_HOST", "127.0.0.1"),
                Map.entry("SMTP_PORT", Integer.toString(mail.getSmtp().getPort())), Map.entry("SMTP_PROTOCOL", "smtp"),
                Map.entry("SMTP_STARTTLS", "false"), Map.entry("SMTP_FROM_ADDRESS", SUPPORT),
                Map.entry("SALESFORCE_ENABLED", "false"), Map.entry("SLACK_ENABLED", "false"));
    }

    private static List<Integer> hubPorts(Map<String, String> env) {
        return List.of(Integer.parseInt(env.get("HUB_HTTP_PORT")), Integer.parseInt(env.get("HUB_MGMT_PORT")));
    }

    private void deliver(int from, int count) throws Exception {
        Properties props = new Properties();
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(props);
        for (int i = from; i < from + count; i++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom("customer" + i + "@example.org");
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, SUPPORT);
            message.setSubject("Cannot log in " + i);
            message.setText("Since this morning I cannot log in to my account (" + i + ").");
            message.setHeader("Message-ID", "<stop-" + i + "@example.org>");
            message.saveChanges();
            message.setHeader("Message-ID", "<stop-" + i + "@example.org>");
            mail.getUserManager().getUserByEmail(SUPPORT).deliver(message);
        }
    }

    private int unseen() throws Exception {
        jakarta.mail.Store store = jakarta.mail.Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), "support", "secret");
        try {
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            return inbox.getUnreadMessageCount();
        } finally {
            store.close();
        }
    }

    private static int count(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException notYet) {
            // the schema is not migrated before the first start has come up
            return -1;
        }
    }
}
