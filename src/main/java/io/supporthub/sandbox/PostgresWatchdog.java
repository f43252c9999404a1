package io.supporthub.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends the embedded PostgreSQL when the sandbox's JVM is gone without stopping it (SIGKILL, a crash): a small shell
 * process, in a session of its own so a terminal's Ctrl-C does not reach it, reads a pipe whose other end only this JVM
 * holds. The JVM's end closes when it dies, however it dies; the watchdog then asks the postmaster for a fast shutdown
 * and removes the data directory. After a clean stop it finds no postmaster and just exits.
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final String SCRIPT = """
            cat > /dev/null
            pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || exit 0
            kill -INT "$pid" 2>/dev/null
            for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            rm -rf "$1"
            """;

    private final Process process;
    private final OutputStream lifeline;

    private PostgresWatchdog(Process process) {
        this.process = process;
        this.lifeline = process.getOutputStream();
    }

    /** Watches the postmaster whose data directory is {@code dataDirectory}. */
    static PostgresWatchdog watch(Path dataDirectory) throws IOException {
        List<String> command = new ArrayList<>();
        if (onPath("setsid")) {
            command.add("setsid");
        }
        command.addAll(List.of("sh", "-c", SCRIPT, "postgres-watchdog", dataDirectory.toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new PostgresWatchdog(process);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** After PostgreSQL has stopped: the watchdog finds nothing to do and ends, so no process outlives the sandbox. */
    @Override
    public void close() {
        try {
            lifeline.close();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
