package io.supporthub.app.flow;

import org.apache.camel.Exchange;
import org.apache.camel.spi.SynchronizationVetoable;

/**
 * A resource an exchange holds (a mailbox poll, a batch on its committer), released when that exchange completes,
 * however it ends. Unlike a route's onCompletion, it stays with its exchange when a copy of it is queued on a seda
 * endpoint: the copy would otherwise take it along and release it when the copy is done.
 */
final class ReleasedWithExchange implements SynchronizationVetoable {

    private final Runnable release;

    private ReleasedWithExchange(Runnable release) {
        this.release = release;
    }

    static void register(Exchange exchange, Runnable release) {
        exchange.getExchangeExtension().addOnCompletion(new ReleasedWithExchange(release));
    }

    @Override
    public void onComplete(Exchange exchange) {
        release.run();
    }

    @Override
    public void onFailure(Exchange exchange) {
        release.run();
    }

    @Override
    public boolean allowHandover() {
        return false;
    }

    @Override
    public void beforeHandover(Exchange target) {
        // never handed over
    }
}
