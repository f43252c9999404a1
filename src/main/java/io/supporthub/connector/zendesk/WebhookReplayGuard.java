package io.supporthub.connector.zendesk;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the webhook deliveries one hub instance accepted, until their timestamp is too old to pass
 * anyway, so the same delivery is not accepted twice. Bounded: when full of deliveries still in their
 * window, the oldest is forgotten first (counted in {@link #forgottenEarly()}). A cluster needs one
 * shared memory instead; see docs/decisions/0401.
 */
public final class WebhookReplayGuard {

    private final int capacity;
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private long forgottenEarly;

    public WebhookReplayGuard(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a replay guard remembers at least one delivery");
        }
        this.capacity = capacity;
    }

    /**
     * True the first time any of {@code keys} is seen within its window; false when one was seen before.
     * Remembers them all until {@code forgetAfter}.
     */
    public synchronized boolean firstSighting(Instant now, Instant forgetAfter, String... keys) {
        forgetExpired(now);
        for (String key : keys) {
            if (key != null && seen.containsKey(key)) {
                return false;
            }
        }
        for (String key : keys) {
            if (key != null) {
                if (seen.size() >= capacity) {
                    Iterator<String> oldest = seen.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                    forgottenEarly++;
                }
                seen.put(key, forgetAfter);
            }
        }
        return true;
    }

    /** Deliveries forgotten before their window ended because the guard was full: each could have been replayed. */
    public synchronized long forgottenEarly() {
        return forgottenEarly;
    }

    synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        seen.values().removeIf(until -> !until.isAfter(now));
    }
}
