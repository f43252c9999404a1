package io.supporthub.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stoplight Prism serving a vendor's API description on loopback, as a validating mock (answers
 * from the spec's examples) or a validating proxy in front of a fake of ours. Every request and
 * response Prism sees is checked against the spec; what breaks it is logged as a violation.
 * Installed by {@code npm ci --prefix contract} (see .ci/run); suites skip with a message without it.
 */
public final class Prism implements AutoCloseable {

    /** Where {@code npm ci --prefix contract} puts the binary; PRISM_BIN overrides it. */
    static final Path BUNDLED = Path.of("contract", "node_modules", ".bin", "prism");

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private Prism(List<String> arguments, int port) throws IOException {
        this.port = port;
        Files.createDirectories(Path.of("target", "prism"));
        this.log = Files.createTempFile(Path.of("target", "prism"), "prism-" + port + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(arguments);
        command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port)));
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening();
    }

    /** Skips the calling test, saying why, when Prism is not installed here. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(binary()), "Prism not installed at " + binary().toAbsolutePath()
                + " (run: npm ci --prefix contract); contract suite skipped");
    }

    /** A mock answering from the spec's examples. */
    public static Prism mock(Path spec) throws IOException {
        int port = FreePort.next();
        return new Prism(List.of("mock", spec.toString()), port);
    }

    /** A mock on a port chosen beforehand, for a spec whose examples must name the mock's own URL. */
    public static Prism mock(Path spec, int port) throws IOException {
        return new Prism(List.of("mock", spec.toString()), port);
    }

    /** A proxy that forwards to {@code upstream} and checks both directions against the spec. */
    public static Prism proxy(Path spec, String upstream) throws IOException {
        int port = FreePort.next();
        return new Prism(List.of("proxy", spec.toString(), upstream), port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Violations of the spec by what the client sent. */
    public List<String> requestViolations() {
        return violations("Violation: request");
    }

    /** Violations of the spec by what the server answered (the mock's own examples, or our fake behind the proxy). */
    public List<String> responseViolations() {
        return violations("Violation: response");
    }

    /** Exchanges Prism could not complete at all, e.g. an answer whose body does not parse as its content type says. */
    public List<String> failedExchanges() {
        return violations("Request terminated with error");
    }

    /** Requests to paths the spec does not describe at all. */
    public List<String> unmatchedRequests() {
        return violations("NO_PATH_MATCHED_ERROR");
    }

    /** How many requests Prism has received for a path, e.g. {@code post /api/chat.postMessage}. */
    public long requestsReceived(String methodAndPath) {
        return lines().stream().filter(line -> line.contains(methodAndPath + " ") && line.contains("Request received")).count();
    }

    public String logText() {
        return String.join("\n", lines());
    }

    private List<String> violations(String marker) {
        return lines().stream().filter(line -> line.contains(marker)).toList();
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(line -> ANSI.matcher(line).replaceAll("")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        // Prism prints one line when it is ready; there is nothing else to wait on
        while (lines().stream().noneMatch(line -> line.contains("Prism is listening"))) {
            if (!process.isAlive()) {
                throw new IOException("Prism exited with " + process.exitValue() + ":\n" + logText());
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IOException("Prism did not start within " + START_TIMEOUT + ":\n" + logText());
            }
            try {
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Prism started", e);
            }
        }
    }

    private static Path binary() {
        String configured = System.getenv("PRISM_BIN");
        return configured == null || configured.isBlank() ? BUNDLED : Path.of(configured);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
