package io.supporthub.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin-editable policy file that applies without a restart: re-read when its modification
 * time changes. A broken edit is logged and the last good version stays in force.
 */
final class PolicyFile<T> implements Supplier<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFile.class);

    private final Path file;
    private final BiFunction<InputStream, String, T> parser;
    private T current;
    private FileTime loadedAt;

    private PolicyFile(Path file, BiFunction<InputStream, String, T> parser, T initial) {
        this.file = file;
        this.parser = parser;
        this.current = initial;
    }

    /** The override in {@code policiesDir} when there is one, else the built-in default. */
    static <T> Supplier<T> of(String policiesDir, String fileName, BiFunction<InputStream, String, T> parser, Supplier<T> builtIn) {
        if (policiesDir == null || policiesDir.isBlank() || !Files.isRegularFile(Path.of(policiesDir, fileName))) {
            T value = builtIn.get();
            return () -> value;
        }
        PolicyFile<T> policy = new PolicyFile<>(Path.of(policiesDir, fileName), parser, null);
        policy.reload(true);
        return policy;
    }

    @Override
    public synchronized T get() {
        reload(false);
        return current;
    }

    private void reload(boolean mustSucceed) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedAt)) {
                return;
            }
            // remembered before parsing, so a broken edit is reported once, not on every ticket
            loadedAt = modified;
            try (InputStream in = Files.newInputStream(file)) {
                current = parser.apply(in, file.toString());
            }
            LOG.info("Policy file {} loaded", file);
        } catch (IOException | RuntimeException e) {
            if (mustSucceed) {
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            LOG.error("Policy file {} could not be loaded; keeping the previous version: {}", file, e.getMessage());
        }
    }
}
