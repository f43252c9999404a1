package io.supporthub.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Outcome of recomputing a clock after a priority or policy change: the business time already
 * elapsed, the new due instant, and whether that instant already lies at or before the change.
 */
public record Recalculation(Duration elapsedAtChange, Instant due, boolean alreadyDue) {
}
