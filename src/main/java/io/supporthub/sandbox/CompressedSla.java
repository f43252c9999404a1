package io.supporthub.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo SLA policies ({@code --compressed-sla}): targets of seconds and escalations of minutes,
 * written to a fresh policies folder the sandbox points the hub at, so a demo shows the warning
 * ladder, the breach and the escalations in Slack within minutes, and the files can be edited live.
 */
final class CompressedSla implements AutoCloseable {

    static final String FLAG = "--compressed-sla";
    static final List<String> FILES = List.of("sla-policies.yaml", "escalations.yaml");

    private final Path folder;

    private CompressedSla(Path folder) {
        this.folder = folder;
    }

    static CompressedSla write() {
        try {
            Path folder = Files.createTempDirectory("support-hub-sla-demo-");
            for (String file : FILES) {
                try (InputStream in = CompressedSla.class.getResourceAsStream("/sandbox/compressed-sla/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("sandbox/compressed-sla/" + file + " is missing from the build");
                    }
                    Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new CompressedSla(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compressed SLA policies", e);
        }
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            for (String file : FILES) {
                Files.deleteIfExists(folder.resolve(file));
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            System.err.println("Demo SLA policies were not removed from " + folder + ": " + e);
        }
    }
}
