package io.supporthub.connector.spi;

import java.util.Optional;

/**
 * Each adapter reads its own system's failures (its exceptions, error codes and HTTP answers) and
 * says what they mean for the caller. Implementations never throw and always answer: what they do
 * not recognise is retriable, so a surprise costs a retry, never a lost update.
 */
@FunctionalInterface
public interface ConnectorErrorClassifier {

    /** @param error the failure as the caller caught it, however deeply the system's own error is wrapped */
    ConnectorFailure classify(Throwable error);

    /** The first error of the given type in the cause chain, the error itself included. */
    static <T extends Throwable> Optional<T> causeOf(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
