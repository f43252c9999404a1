package io.supporthub.mail.mime;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What one read may still spend, shared by a mail and everything nested in it. */
final class ReadBudget {

    final MimeLimits limits;
    private final Set<LimitBreach> breaches = EnumSet.noneOf(LimitBreach.class);
    private int parts;

    ReadBudget(MimeLimits limits) {
        this.limits = limits;
    }

    /** Counts one more entity; false once the part limit is crossed (noted once in the warnings). */
    boolean takePart(List<String> warnings) {
        parts++;
        if (parts > limits.maxParts()) {
            breach(LimitBreach.PART_COUNT, warnings, "more than " + limits.maxParts() + " MIME parts; rest not read");
            return false;
        }
        return true;
    }

    boolean depthAllowed(int depth, List<String> warnings) {
        if (depth > limits.maxDepth()) {
            breach(LimitBreach.NESTING_DEPTH, warnings, "nested deeper than " + limits.maxDepth() + "; rest not read");
            return false;
        }
        return true;
    }

    void breach(LimitBreach breach, List<String> warnings, String warning) {
        if (breaches.add(breach) || breach == LimitBreach.ATTACHMENT_SIZE) {
            warnings.add(warning);
        }
    }

    Set<LimitBreach> breaches() {
        return breaches;
    }
}
