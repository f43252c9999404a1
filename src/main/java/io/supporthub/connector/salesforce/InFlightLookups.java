package io.supporthub.connector.salesforce;

import io.supporthub.ticket.CustomerSnapshot;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Coalesces CRM lookups: while one intake asks the CRM about an e-mail, others with the same
 * e-mail wait for that answer instead of asking again (a mail storm from one customer is one call).
 */
public class InFlightLookups {

    private final ConcurrentMap<String, CompletableFuture<CustomerSnapshot>> inFlight = new ConcurrentHashMap<>();
    private final Duration maxWait;

    /** @param maxWait how long a follower waits for the leader's answer before asking itself */
    public InFlightLookups(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * Either makes the caller the leader for this e-mail (empty result: the caller must ask the CRM
     * and then call {@link #complete}), or returns the answer the current leader got.
     */
    public Optional<CustomerSnapshot> joinOrLead(String email) {
        CompletableFuture<CustomerSnapshot> mine = new CompletableFuture<>();
        CompletableFuture<CustomerSnapshot> leader = inFlight.putIfAbsent(email, mine);
        if (leader == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(leader.get(maxWait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Hands the leader's answer to everyone waiting and ends the lookup. */
    public void complete(String email, CustomerSnapshot answer) {
        CompletableFuture<CustomerSnapshot> future = inFlight.remove(email);
        if (future != null) {
            future.complete(answer);
        }
    }

    int size() {
        return inFlight.size();
    }
}
