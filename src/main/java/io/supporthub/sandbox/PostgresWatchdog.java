package io.supporthub.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops the sandbox's embedded PostgreSQL and removes its data directory once the JVM lets go of it: a small shell
 * process, in a session of its own so a terminal's Ctrl-C does not reach it, reads a pipe whose other end only this JVM
 * holds. The sandbox closes its end after the hub has stopped; the system closes it when the JVM dies, however it dies
 * (SIGKILL, a crash). Either way the watchdog then shuts the postmaster down (immediate: the data is thrown away).
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final String SCRIPT = """
            cat > /dev/null
            pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null)
            if [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null; then
              for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
            fi
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

    /** Once the hub is done with the database: waits until the watchdog has stopped it and ended, so nothing outlives the sandbox. */
    @Override
    public void close() {
        try {
            lifeline.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
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
