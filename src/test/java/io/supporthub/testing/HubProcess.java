package io.supporthub.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built jar ({@code target/support-hub.jar}) running as a process of its own, in a session and process group of its
 * own ({@code setsid}), as a terminal or a container runtime would hold it: signals go to its group or its pid.
 */
public final class HubProcess {

    private final Process process;
    private final Path log;

    private HubProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar support-hub.jar <args>} from the project folder, its temporary files in {@code tmp}. */
    public static HubProcess start(Path tmp, Path log, Map<String, String> environment, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("hub.jar", "target/support-hub.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: this test runs in 'verify', after 'package' built the jar");
        }
        List<String> command = new ArrayList<>(List.of("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new HubProcess(builder.start(), log);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGINT to the whole process group, as a terminal's Ctrl-C does. */
    public void interruptGroup() throws IOException, InterruptedException {
        signal("-INT", "--", "-" + pid());
    }

    public void terminate() throws IOException, InterruptedException {
        signal("-TERM", Long.toString(pid()));
    }

    public void kill() throws IOException, InterruptedException {
        signal("-KILL", Long.toString(pid()));
    }

    private static void signal(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill"));
        command.addAll(List.of(args));
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill " + String.join(" ", args) + " failed with " + status);
        }
    }

    /** Waits for the exit; returns its status, or throws when the process is still there after {@code within}. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the hub did not exit within " + within + "; its log: " + log);
        }
        return process.exitValue();
    }

    /** Whether SIGINT reaches the process at all: a shell starts background jobs with it ignored, and Java keeps it so. */
    public boolean ignoresSigint() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public void destroyIfAlive() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    public static boolean isListening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Processes still in the group (or session) the hub led, or whose command line names {@code marker}. */
    public static List<String> leftovers(long leader, String marker) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ').trim();
                    boolean inGroup = fields[2].equals(Long.toString(leader)) || fields[3].equals(Long.toString(leader));
                    if (inGroup || (!cmdline.isEmpty() && cmdline.contains(marker))) {
                        found.add(proc.getFileName() + " " + cmdline);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }
}
