package io.supporthub.connector.spi;

import java.util.Objects;

/** A credential that never shows itself: logs, API answers and toString() all see "[hidden]". */
public final class Secret {

    private static final String MASK = "[hidden]";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The clear value, for the one place that must hand it to a client library. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
