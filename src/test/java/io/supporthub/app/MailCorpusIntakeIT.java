package io.supporthub.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.supporthub.db.Transactions;
import io.supporthub.mail.InboundMailReader;
import io.supporthub.mail.MailQuarantine;
import io.supporthub.mail.RawMail;
import io.supporthub.mail.filter.MailFilterChain;
import io.supporthub.testing.HubUnderTest;
import io.supporthub.testing.Rows;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Corpus suite: every .eml under ../shared/corpus/mail goes over IMAP through the real intake route
 * and ends as exactly one of ticket, comment, ignored-automatic, quarantined or held (the per-sender
 * creation cap), each with its reason; the files of ticketed mail are stored with decoded names.
 */
class MailCorpusIntakeIT {

    static final Path CORPUS = Path.of("..", "shared", "corpus", "mail");
    static final String SUPPORT = "support@hub.test";
    // A mailbox nobody has open, to try whether GreenMail can serve a mail before the hub's INBOX gets it.
    static final String PROBE = "probe@hub.test";
    static final String WEBHOOK = "/services/T000/B000/CORPUS";
    // GreenMail slows with the square of the folder size (STACK.md §8): deliver in batches and empty the INBOX between them.
    static final int BATCH = 50;
    static final List<String> OUTCOMES = List.of("ticket", "comment", "ignored", "quarantined", "held", "duplicate", "rejected", "(by replay)",
            "files", "not kept");
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "secret").withUser(PROBE, PROBE, "secret"))
            .withPerMethodLifecycle(false);

    static WireMockServer slack;
    static HubApplication hub;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "mail corpus absent at " + CORPUS.toAbsolutePath() + " (../shared is missing); corpus suite skipped");
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post(WEBHOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
        hub = new HubUnderTest().mailbox(greenMail.getImap().getPort(), SUPPORT, "secret")
                .smtp(greenMail.getSmtp().getPort(), SUPPORT).slackWebhook(slack.baseUrl() + WEBHOOK).start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (slack != null) {
            slack.stop();
        }
    }

    /** One corpus file as the hub received it: the key its mail record carries and the hash its quarantine row would. */
    record Delivered(String folder, String file, String messageKey, String sha256, String sender, boolean byReplay) {
    }

    @Test
    void every_corpus_mail_ends_as_exactly_one_outcome_and_automatic_mail_is_never_answered() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            // -Dcorpus.only=<regex> narrows the run to matching paths, for chasing one file.
            String only = System.getProperty("corpus.only", ".*");
            files = walk.filter(p -> p.toString().endsWith(".eml") && CORPUS.relativize(p).toString().matches(only)).sorted().toList();
        }
        long started = System.nanoTime();
        List<Delivered> delivered = new ArrayList<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            for (Path file : files.subList(from, Math.min(from + BATCH, files.size()))) {
                delivered.add(deliver(file));
            }
            // GreenMail's own IMAP threads may log failures; they are not the hub's, so Awaitility must not adopt them.
            await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(2)).until(() -> inbox().getUnseenCount() == 0);
            inbox().deleteAllMessages(); // what the hub processed is flagged seen; clearing keeps GreenMail fast
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        Map<String, Map<String, Integer>> table = new TreeMap<>();
        Map<String, String> firstFileOfKey = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<Delivered, String> outcomes = new LinkedHashMap<>();
        Map<String, long[]> attachments = CorpusAttachments.byMessageKey(hub.dataSource());
        for (Delivered mail : delivered) {
            String outcome = outcome(mail, firstFileOfKey, problems);
            outcomes.put(mail, outcome);
            Map<String, Integer> row = table.computeIfAbsent(mail.folder(), f -> new LinkedHashMap<>());
            row.merge(outcome, 1, Integer::sum);
            if (mail.byReplay()) {
                row.merge("(by replay)", 1, Integer::sum);
            }
            long[] counts = outcome.equals("duplicate") ? null : attachments.get(mail.messageKey());
            if (counts != null) {
                row.merge("files", (int) counts[0], Integer::sum);
                row.merge("not kept", (int) counts[1], Integer::sum);
            }
        }
        print(table, delivered.size(), seconds);
        Map<String, String> ticketed = new LinkedHashMap<>();
        outcomes.forEach((mail, outcome) -> {
            if (outcome.equals("ticket") || outcome.equals("comment")) {
                ticketed.put(mail.file(), mail.messageKey());
            }
        });
        CorpusAttachments.assertNamesDecoded(hub.dataSource(), ticketed, System.getProperty("corpus.only") == null);

        assertThat(problems).as("mails without exactly one outcome").isEmpty();
        // Automatic mail was recorded, not answered: no notification names a sender whose mail was ignored.
        assertThat(Rows.count(hub.dataSource(), "select count(*) from notification n join mail_message m on m.ticket_id = n.ticket_id "
                + "where m.decision like 'ignore%'")).isZero();
        // The corpus MANIFEST tags bounces (bounce/dsn), auto-replies and ARF complaints; none may be answered.
        Map<String, String> features = manifestFeatures();
        List<Delivered> bounces = delivered.stream().filter(d -> isAutomatic(features.getOrDefault(d.file(), ""))).toList();
        System.out.printf("automatic mail by the corpus MANIFEST: %d; outcomes: %s%n", bounces.size(), bounces.stream()
                .collect(java.util.stream.Collectors.groupingBy(outcomes::get, TreeMap::new, java.util.stream.Collectors.counting())));
        assertThat(bounces).allSatisfy(d -> assertThat(outcomes.get(d)).as(d.file()).isIn("ignored", "quarantined", "duplicate"));
        List<String> bounceSenders = bounces.stream().map(Delivered::sender).filter(java.util.Objects::nonNull).toList();
        assertThat(Rows.count(hub.dataSource(), "select count(*) from notification where recipient = any(?)", connectionArray(bounceSenders)))
                .as("acknowledgements or alerts to bounce senders").isZero();
        // notifications go out after commit, off the intake thread: let the outbox drain before counting what Slack received
        await().atMost(Duration.ofMinutes(1)).until(() -> Rows.count(hub.dataSource(),
                "select count(*) from notification where kind = 'slack_alert' and state in ('pending', 'sending')") == 0);
        long slackSent = Rows.count(hub.dataSource(), "select count(*) from notification where kind = 'slack_alert' and state = 'sent'");
        slack.verify((int) slackSent, postRequestedFor(urlEqualTo(WEBHOOK)));
        System.out.printf("acknowledgements sent: %d, Slack alerts sent: %d, none for ignored mail%n",
                Rows.count(hub.dataSource(), "select count(*) from notification where kind = 'acknowledgement_mail' and state = 'sent'"), slackSent);
    }

    private static boolean isAutomatic(String features) {
        return List.of(features.split(" ")).stream().anyMatch(f -> f.equals("bounce/dsn") || f.equals("auto-reply") || f.equals("arf-complaint"));
    }

    /** File -> the features column of the corpus MANIFEST.tsv (tab-separated, path first, features last). */
    private static Map<String, String> manifestFeatures() throws java.io.IOException {
        Map<String, String> features = new java.util.HashMap<>();
        Path manifest = CORPUS.resolve("MANIFEST.tsv");
        if (Files.exists(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String[] columns = line.split("\t");
                if (columns.length >= 8) {
                    features.put(columns[0], columns[7]);
                }
            }
        }
        return features;
    }

    private Delivered deliver(Path file) throws Exception {
        String folder = CORPUS.relativize(file).getName(0).toString();
        byte[] raw = Files.readAllBytes(file);
        byte[] bytes = raw;
        boolean byReplay;
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            MailFolder probe = folder(PROBE);
            probe.appendMessage(message, new Flags(), new Date());
            StoredMessage probed = probe.getMessages().get(0);
            byReplay = !servableOverImap(probed);
            probe.deleteAllMessages();
            if (!byReplay) {
                inbox().appendMessage(message, new Flags(), new Date());
                // The bytes the hub will fetch are GreenMail's copy: it may change line endings, and it gives a mail
                // without a Message-ID one of its own on every append, so only the INBOX copy tells the hub's key.
                List<StoredMessage> stored = inbox().getMessages();
                ByteArrayOutputStream served = new ByteArrayOutputStream();
                stored.get(stored.size() - 1).getMimeMessage().writeTo(served);
                bytes = served.toByteArray();
            }
        } catch (RuntimeException | jakarta.mail.MessagingException greenMailRefused) {
            folder(PROBE).deleteAllMessages();
            byReplay = true; // GreenMail cannot even store it (e.g. a repeated header it assumes unique)
        }
        if (byReplay) {
            // GreenMail cannot store or describe this mail over IMAP (FETCH BODYSTRUCTURE crashes its connection, which
            // a real server would not do); it goes through the same intake path by quarantine replay instead.
            MailQuarantine quarantine = new MailQuarantine(new Transactions(hub.dataSource()));
            long id = quarantine.store(SUPPORT, raw, "GreenMail cannot serve this mail over IMAP");
            try (ProducerTemplate template = hub.camelContext().createProducerTemplate()) {
                template.requestBody("direct:mail-replay", Long.toString(id), String.class);
            } catch (CamelExecutionException stillUnreadable) {
                // stays quarantined, with its reason
            }
        }
        String key;
        String sender;
        try {
            var read = new InboundMailReader(MailIntakeSettings.defaults().mimeLimits(), MailFilterChain.standard("hub.test")).read(SUPPORT, bytes);
            key = read.receipt().messageKey();
            sender = read.parsed().sender() == null ? null : read.parsed().sender().address().toLowerCase(java.util.Locale.ROOT);
        } catch (RuntimeException unreadable) {
            key = null;
            sender = null;
        }
        return new Delivered(folder, CORPUS.relativize(file).toString(), key, RawMail.sha256(bytes), sender, byReplay);
    }

    private static boolean servableOverImap(StoredMessage stored) {
        try {
            stored.getAttributes().getBodyStructure(true);
            stored.getAttributes().getBodyStructure(false);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String outcome(Delivered mail, Map<String, String> firstFileOfKey, List<String> problems) {
        long quarantined = Rows.count(hub.dataSource(), "select count(*) from mail_quarantine where raw_sha256 = ? and replayed_at is null "
                + "and held_by is null", mail.sha256());
        Map<String, Object> record = mail.messageKey() == null ? Map.of()
                : Rows.one(hub.dataSource(), "select decision, reason from mail_message where message_key = ?", mail.messageKey());
        if (!record.isEmpty() && firstFileOfKey.putIfAbsent(mail.messageKey(), mail.file()) != null) {
            return "duplicate"; // the same Message-ID as an earlier file: the unique key made it a no-op, as it should
        }
        if (record.isEmpty() == (quarantined == 0)) {
            problems.add(mail.file() + ": " + (record.isEmpty() ? "no decision record and no quarantine row" : "both recorded and quarantined"));
            return "missing";
        }
        if (quarantined > 0) {
            return "quarantined";
        }
        String decision = (String) record.get("decision");
        if (record.get("reason") == null || ((String) record.get("reason")).isBlank()) {
            problems.add(mail.file() + ": decision " + decision + " without a reason");
        }
        if (decision.equals("held") && Rows.count(hub.dataSource(), "select count(*) from mail_quarantine where message_key = ? "
                + "and held_by = 'creation-cap' and replayed_at is null", mail.messageKey()) != 1) {
            problems.add(mail.file() + ": held without a releasable quarantine entry");
        }
        return switch (decision) {
            case "created_ticket" -> "ticket";
            case "appended_comment" -> "comment";
            case "ignore_automatic", "ignore_bounce", "ignore_own_notification" -> "ignored";
            case "held" -> "held";
            default -> "rejected";
        };
    }

    private static java.sql.Array connectionArray(List<String> values) throws Exception {
        try (var c = hub.dataSource().getConnection()) {
            return c.createArrayOf("text", values.toArray());
        }
    }

    private static void print(Map<String, Map<String, Integer>> table, int total, long seconds) {
        StringBuilder out = new StringBuilder(String.format("%nMail corpus through IMAP intake: %d mails in %d s%n%-20s", total, seconds, "folder"));
        OUTCOMES.forEach(o -> out.append(String.format("%12s", o)));
        out.append('\n');
        Map<String, Integer> sums = new LinkedHashMap<>();
        table.forEach((folder, counts) -> {
            out.append(String.format("%-20s", folder));
            OUTCOMES.forEach(o -> out.append(String.format("%12d", counts.getOrDefault(o, 0))));
            out.append('\n');
            counts.forEach((o, n) -> sums.merge(o, n, Integer::sum));
        });
        out.append(String.format("%-20s", "total"));
        OUTCOMES.forEach(o -> out.append(String.format("%12d", sums.getOrDefault(o, 0))));
        System.out.println(out.append('\n'));
    }

    private static MailFolder inbox() throws Exception {
        return folder(SUPPORT);
    }

    private static MailFolder folder(String user) throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(greenMail.getManagers().getUserManager().getUser(user));
    }
}
