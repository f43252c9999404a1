import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Mailbox intake benchmark (issue 3), run by bench/mail/intake-benchmark.sh against a running hub:
 * fills MAILS mails into the Dovecot Maildir the hub polls, in one burst, and watches the hub's
 * database until every mail is committed as a ticket. Prints the drain rate (mails/s from the first
 * append to the last commit), the latency from append to commit (observed by polling every 10 ms),
 * and, in the same run, the rate of a bare Jakarta Mail fetch of the same mailbox (FetchProfile with
 * UID, flags, size and the whole message; no processing).
 *
 * usage: java -cp 'target/lib/*' bench/mail/IntakeBenchmark.java MAILDIR MAILS JDBC_URL IMAP_PORT USER PASSWORD [TIMEOUT_S [HUB_PID DOVECOT_PID]]
 */
public class IntakeBenchmark {

    static final String[] WORDS = ("customer order invoice cannot login please help refund shipping delayed account "
            + "password reset error page broken thanks regards urgent printer license renewal "
            + "subscription upgrade cancel billing address change delivery tracking number").split(" ");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("bare")) {
            // one bare fetch in a JVM of its own, as a Jakarta Mail client that has just started
            System.out.println(bareFetch(Integer.parseInt(args[1]), args[2], args[3], Integer.parseInt(args[4])));
            return;
        }
        Path maildir = Path.of(args[0]);
        int mails = Integer.parseInt(args[1]);
        String jdbcUrl = args[2];
        int port = Integer.parseInt(args[3]);
        String user = args[4];
        String password = args[5];
        long timeoutMs = (args.length > 6 ? Long.parseLong(args[6]) : 600) * 1000;
        long hubPid = args.length > 7 ? Long.parseLong(args[7]) : -1;
        long dovecotPid = args.length > 8 ? Long.parseLong(args[8]) : -1;
        // round 1 meets a hub just started; its JIT compilers go on compiling the intake path for some 50,000 mails (on
        // 2 cores), so the later rounds show the hub as it runs for days
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "8"));
        CpuMeter cpu = new CpuMeter(jdbcUrl, hubPid, dovecotPid);

        List<double[]> results = new ArrayList<>();
        double[] bare = null;
        for (int round = 1; round <= rounds; round++) {
            results.add(round(round, maildir, mails, jdbcUrl, timeoutMs, cpu));
            if (round == 1) {
                // the mailbox now holds exactly the mails the hub just took in: fetch it bare, as a client just started
                bare = bareFetches(port, user, password, mails);
            }
        }
        Map<String, Long> tickets = ticketFacts(jdbcUrl);
        double[] bareAll = bareFetches(port, user, password, mails * rounds);
        double bareRate = bare[1];

        System.out.println();
        System.out.printf("tickets %d (classified %d, routed %d) for %d mails%n", tickets.get("tickets"), tickets.get("classified"),
                tickets.get("routed"), mails * rounds);
        System.out.printf("bare Jakarta Mail fetch (FetchProfile UID+FLAGS+SIZE+MESSAGE, 500 per FETCH, each in a JVM of its own), median of 3:%n");
        System.out.printf("  the mailbox after round 1 (%d mails):   %.0f mails/s (%.0f / %.0f / %.0f)%n", mails, bare[1], bare[0], bare[1], bare[2]);
        System.out.printf("  the mailbox after round %d (%d mails):  %.0f mails/s (%.0f / %.0f / %.0f)%n", rounds, mails * rounds, bareAll[1],
                bareAll[0], bareAll[1], bareAll[2]);
        List<Integer> atQuarter = new ArrayList<>();
        List<Integer> belowQuarter = new ArrayList<>();
        double slowest = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            double[] r = results.get(round - 1);
            System.out.printf("round %d (%s): %d mails, %.0f mails/s = %.1f %% of the bare fetch of %d mails (%.1f %% of the one of %d); "
                    + "latency append->commit p50 %.0f ms, p95 %.0f ms%n", round,
                    round == 1 ? "hub just started" : "hub after " + (round - 1) * mails + " mails", mails, r[0],
                    100 * r[0] / bareRate, mails, 100 * r[0] / bareAll[1], mails * rounds, r[1], r[2]);
            (r[0] >= bareRate / 4 ? atQuarter : belowQuarter).add(round);
            slowest = Math.min(slowest, r[0]);
        }
        System.out.printf("targets: >= 500 mails/s: %s (slowest round %.0f mails/s)%n", slowest >= 500 ? "every round" : "NOT every round", slowest);
        System.out.printf("         >= 25 %% of the bare fetch of %d mails (%.0f mails/s): met in rounds %s; not met in rounds %s%n", mails,
                bareRate / 4, atQuarter.isEmpty() ? "(none)" : atQuarter, belowQuarter.isEmpty() ? "(none)" : belowQuarter);
    }

    /** Three bare fetches, each from a JVM of its own; sorted. */
    static double[] bareFetches(int port, String user, String password, int expected) throws Exception {
        double[] rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = bareFetchInNewJvm(port, user, password, expected);
        }
        Arrays.sort(rates);
        return rates;
    }

    static double bareFetchInNewJvm(int port, String user, String password, int expected) throws Exception {
        String source = System.getenv().getOrDefault("BENCH_SOURCE", "bench/mail/IntakeBenchmark.java");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), source, "bare", Integer.toString(port), user, password, Integer.toString(expected))
                .redirectErrorStream(true).start();
        // read to the end, so the fetch has exited by then; a hung one ends by its own IMAP timeouts (bareFetch)
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bare fetch failed: " + out);
        }
        return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
    }

    /** Fills one burst of mails, waits until all are committed, prints and returns {rate, p50, p95}. */
    static double[] round(int round, Path maildir, int mails, String jdbcUrl, long timeoutMs, CpuMeter cpu) throws Exception {
        Map<String, Double> cpuBefore = cpu.seconds();
        Map<String, Long> appendedAt = fill(maildir, mails, round);
        long firstAppend = appendedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long lastAppend = appendedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        Map<String, Long> committedAt = watchCommits(jdbcUrl, appendedAt.keySet(), timeoutMs, cpu);
        if (committedAt.size() < mails) {
            System.out.printf("FAIL: round %d: only %d of %d mails committed as tickets within %d s; the mail records by decision: %s%n", round,
                    committedAt.size(), mails, timeoutMs / 1000, decisions(jdbcUrl));
            System.exit(1);
        }
        Map<String, Double> cpuAfter = cpu.seconds();
        long lastCommit = committedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long firstCommit = committedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long[] latencies = appendedAt.entrySet().stream().mapToLong(e -> committedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        double drainSeconds = (lastCommit - firstAppend) / 1000.0;
        double rate = mails / drainSeconds;
        System.out.printf("%nround %d: %d mails appended in %d ms; first append -> last commit %.2f s (first commit after %.2f s)%n", round,
                mails, lastAppend - firstAppend, drainSeconds, (firstCommit - firstAppend) / 1000.0);
        System.out.printf("  intake rate              %.0f mails/s (first to last commit: %.0f mails/s)%n", rate,
                mails / Math.max(0.001, (lastCommit - firstCommit) / 1000.0));
        System.out.printf("  latency append->commit   p50 %d ms, p95 %d ms, max %d ms%n", percentile(latencies, 50), percentile(latencies, 95),
                latencies[latencies.length - 1]);
        System.out.printf("  CPU (wall %.1f s on %d cores):%n", drainSeconds, Runtime.getRuntime().availableProcessors());
        cpuAfter.forEach((who, seconds) -> {
            double spent = seconds - cpuBefore.getOrDefault(who, 0.0);
            if (!who.startsWith(" ") || spent >= 0.1) {
                System.out.printf("    %-30s %6.1f s  %.3f ms/mail%n", who, spent, 1000 * spent / mails);
            }
        });
        return new double[] {rate, percentile(latencies, 50), percentile(latencies, 95)};
    }

    /** Writes the mails as Dovecot's deliver would (tmp/ then rename into new/), owned by the Maildir's owner; returns each Message-ID's append instant. */
    static Map<String, Long> fill(Path maildir, int count, int round) throws IOException {
        Path tmp = maildir.resolve("tmp");
        Path fresh = maildir.resolve("new");
        Files.createDirectories(tmp);
        Files.createDirectories(fresh);
        Files.createDirectories(maildir.resolve("cur"));
        Random random = new Random(42);
        List<byte[]> bodies = new ArrayList<>(count);
        List<String> ids = new ArrayList<>(count);
        long run = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + run + "-" + i + "@example.org";
            ids.add(id);
            bodies.add(mail(i, id, random, round).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Long> appended = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = run / 1000 + ".M" + i + "P" + ProcessHandle.current().pid() + ".bench,S=" + bodies.get(i).length;
            Path file = tmp.resolve(name);
            // Dovecot (as the Maildir's owner) only renames and reads the file, which the directories' permissions allow
            Files.write(file, bodies.get(i));
            Files.move(file, fresh.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            appended.put(ids.get(i), System.currentTimeMillis());
        }
        return appended;
    }

    /**
     * The same ~3 KB mail as ../shared/bench/dovecot/fill_maildir.py writes, from one of 5,000 customers of the round: each
     * round has customers of its own, so that however many rounds run no sender reaches the hub's per-sender creation cap
     * (10 new tickets an hour by default), which would hold their mail for an agent instead of ticketing it.
     */
    static String mail(int i, String messageId, Random random, int round) {
        StringBuilder body = new StringBuilder();
        while (body.length() < 2500) {
            for (int w = 0; w < 12; w++) {
                body.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            body.append("\r\n");
        }
        StringBuilder subject = new StringBuilder();
        for (int w = 0; w < 6; w++) {
            subject.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now());
        int customer = (round - 1) * 5000 + i % 5000;
        return "Return-Path: <customer" + customer + "@example.org>\r\n"
                + "Received: from mx.example.org (mx.example.org [192.0.2.10])\r\n\tby mail.example.com with ESMTP id " + i + "; " + date + "\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "Date: " + date + "\r\n"
                + "From: Customer " + customer + " <customer" + customer + "@example.org>\r\n"
                + "To: Support <support@example.com>\r\n"
                + "Subject: [Order #" + (100000 + i) + "]" + subject + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "X-Priority: " + (1 + i % 5) + "\r\n"
                + "\r\n" + body;
    }

    /**
     * Polls the mail records every 10 ms; a mail counts as committed when its record (written with its ticket) is visible.
     * Only rows after the last seen id are read, bounded so the query stays an index range scan (a fresh table has no
     * statistics, and the planner's guess for it is a sequential scan, which at 40,000 rows took a good part of a core from
     * the hub). Two batches of a mailbox commit side by side, so a batch's ids may be drawn before those of a batch that
     * commits first: every 200 ms the query looks back 3,000 ids (two batches and what commits meanwhile), and every 2 s
     * it asks for the mails still missing by Message-ID, so a record committed later still (one by one, after a failed
     * batch) is never waited for in vain. The watcher's backend is left out of the CPU count, but not out of the machine.
     */
    static Map<String, Long> watchCommits(String jdbcUrl, java.util.Set<String> expected, long timeoutMs, CpuMeter cpu) throws Exception {
        Map<String, Long> committed = new HashMap<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement byId = c.prepareStatement("select id, message_id from mail_message where id > ? and id <= ? and ticket_id is not null");
             PreparedStatement byMessageId = c.prepareStatement("select id, message_id from mail_message where message_id = any (?) and ticket_id is not null")) {
            cpu.ignoreBackendOf(c);
            long after = maxId(c);
            long lastLookBack = System.currentTimeMillis();
            long lastSearch = lastLookBack;
            while (committed.size() < expected.size() && System.currentTimeMillis() < deadline) {
                long now = System.currentTimeMillis();
                PreparedStatement query;
                if (now - lastSearch > 2000) {
                    List<String> missing = expected.stream().filter(id -> !committed.containsKey(id)).toList();
                    byMessageId.setArray(1, c.createArrayOf("text", missing.toArray()));
                    query = byMessageId;
                    lastSearch = now;
                } else {
                    boolean lookBack = now - lastLookBack > 200;
                    byId.setLong(1, lookBack ? Math.max(0, after - 3000) : after);
                    // looking back, unbounded above too, so a gap in the ids (a rolled-back batch) is stepped over
                    byId.setLong(2, lookBack ? Long.MAX_VALUE : after + 2000);
                    query = byId;
                    if (lookBack) {
                        lastLookBack = now;
                    }
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        after = Math.max(after, rs.getLong(1));
                        String id = rs.getString(2);
                        if (expected.contains(id)) {
                            committed.putIfAbsent(id, now);
                        }
                    }
                }
                Thread.sleep(10);
            }
        }
        return committed;
    }

    /** What became of the mails the hub recorded, for a failed round: e.g. held by the creation cap, or ignored by a filter. */
    static Map<String, Long> decisions(String jdbcUrl) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement st = c.prepareStatement("select coalesce(decision, '(none)'), count(*) from mail_message group by 1");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static long maxId(Connection c) throws Exception {
        try (PreparedStatement st = c.prepareStatement("select coalesce(max(id), 0) from mail_message"); ResultSet rs = st.executeQuery()) {
            rs.next();
            // ids are drawn before commit: start a little before the newest so nothing of this round is missed
            return Math.max(0, rs.getLong(1) - 2000);
        }
    }

    static Map<String, Long> ticketFacts(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement st = c.prepareStatement("select count(*), "
                     + "count(*) filter (where exists (select 1 from ticket_event e where e.ticket_id = t.id and e.type = 'categorized')), "
                     + "count(*) filter (where exists (select 1 from ticket_event e where e.ticket_id = t.id and e.type = 'routed')) from ticket t");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return Map.of("tickets", rs.getLong(1), "classified", rs.getLong(2), "routed", rs.getLong(3));
        }
    }

    /** Fetches every message of INBOX with one FetchProfile per chunk and reads its bytes; returns mails/s. */
    static double bareFetch(int port, String user, String password, int expected) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.peek", "true");
        // a hung connection fails the run with a reason instead of stalling it
        props.setProperty("mail.imap.connectiontimeout", "10000");
        props.setProperty("mail.imap.timeout", "60000");
        Session session = Session.getInstance(props);
        long started = System.nanoTime();
        int read = 0;
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", port, user, password);
            IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(IMAPFolder.FetchProfileItem.SIZE);
            profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
            CountingStream sink = new CountingStream();
            for (int from = 0; from < messages.length; from += 500) {
                Message[] chunk = Arrays.copyOfRange(messages, from, Math.min(messages.length, from + 500));
                folder.fetch(chunk, profile);
                for (Message m : chunk) {
                    m.writeTo(sink);
                    read++;
                }
            }
            folder.close(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (read < expected) {
            throw new IllegalStateException("bare fetch read " + read + " of " + expected + " mails");
        }
        return read / seconds;
    }

    /** CPU time (user + system) of the hub, of this database's PostgreSQL backends and of Dovecot's processes, from /proc. */
    static final class CpuMeter {
        private final String jdbcUrl;
        private final long hubPid;
        private final long dovecotPid;
        private final java.util.Set<Long> backends = new java.util.HashSet<>();
        private final java.util.Set<Long> ignored = new java.util.HashSet<>();

        /** The benchmark's own queries are not the hub's work. */
        void ignoreBackendOf(Connection c) throws Exception {
            try (PreparedStatement st = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = st.executeQuery()) {
                rs.next();
                ignored.add(rs.getLong(1));
            }
        }

        CpuMeter(String jdbcUrl, long hubPid, long dovecotPid) {
            this.jdbcUrl = jdbcUrl;
            this.hubPid = hubPid;
            this.dovecotPid = dovecotPid;
        }

        Map<String, Double> seconds() throws Exception {
            Map<String, Double> cpu = new java.util.LinkedHashMap<>();
            if (hubPid > 0) {
                cpu.put("hub", ticks(hubPid));
                threadGroups(cpu);
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                 PreparedStatement st = c.prepareStatement("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    backends.add(rs.getLong(1));
                }
            }
            // a backend that exited meanwhile is not counted: the hub's pool keeps its connections
            cpu.put("PostgreSQL", backends.stream().filter(pid -> !ignored.contains(pid)).mapToDouble(CpuMeter::ticks).sum());
            if (dovecotPid > 0) {
                // the master, the children it has reaped (one imap process per connection) and those still running
                String[] master = stat(Path.of("/proc", Long.toString(dovecotPid)));
                double dovecot = master == null ? 0 : (Long.parseLong(master[11]) + Long.parseLong(master[12]) + Long.parseLong(master[13])
                        + Long.parseLong(master[14])) / 100.0;
                try (var procs = Files.list(Path.of("/proc"))) {
                    for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        String[] stat = stat(proc);
                        if (stat != null && Long.parseLong(stat[1]) == dovecotPid) {
                            dovecot += ticks(Long.parseLong(proc.getFileName().toString()));
                        }
                    }
                }
                cpu.put("Dovecot", dovecot);
            }
            return cpu;
        }

        /** The hub's threads by kind (JIT compiler, GC, intake workers...), from /proc/PID/task/TID/stat. */
        private void threadGroups(Map<String, Double> cpu) throws IOException {
            Map<String, Double> groups = new java.util.TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc", Long.toString(hubPid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String text = Files.readString(task.resolve("stat"));
                        String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')).replaceAll("[-#]?\\d+$", "").replaceAll("\\s+\\d+", "");
                        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
                        groups.merge("  hub/" + name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                    } catch (IOException | RuntimeException gone) {
                        // a thread that ended meanwhile
                    }
                }
            }
            cpu.putAll(groups);
        }

        /** Fields after the command name of /proc/PID/stat: [0] state, [1] ppid, ..., [11] utime, [12] stime, [13] cutime, [14] cstime. */
        private static String[] stat(Path proc) {
            try {
                String text = Files.readString(proc.resolve("stat"));
                return text.substring(text.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException gone) {
                return null;
            }
        }

        private static double ticks(long pid) {
            String[] stat = stat(Path.of("/proc", Long.toString(pid)));
            return stat == null ? 0 : (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
        }
    }

    static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
