package io.supporthub.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a started hub until SIGINT (Ctrl-C) or SIGTERM, then stops it within a bound and says how that went as the exit
 * status: 0 for a stop that finished in time, 1 when something still held it at the bound (the process ends then anyway).
 * The signals are handled here rather than by the JVM's shutdown hooks, which run all at once (the embedded database's
 * hook stopped it under the hub) and make the JVM exit with 130 or 143 however cleanly the hub stopped.
 */
public final class SignalledStop {

    private static final Logger LOG = LoggerFactory.getLogger(SignalledStop.class);

    private final AutoCloseable application;
    private final Duration bound;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String reason = "stop requested";

    private SignalledStop(AutoCloseable application, Duration bound) {
        this.application = application;
        this.bound = bound;
    }

    /** Blocks until SIGINT or SIGTERM, stops the application within {@code bound}, and returns the exit status. */
    public static int runUntilStopped(AutoCloseable application, Duration bound) throws InterruptedException {
        return new SignalledStop(application, bound).run();
    }

    private int run() throws InterruptedException {
        for (String name : new String[] {"INT", "TERM"}) {
            // a shell starts background jobs with SIGINT ignored; the JVM then keeps ignoring it, and SIGTERM still stops
            Signal.handle(new Signal(name), this::signalled);
        }
        // any other way out (SIGHUP, System.exit elsewhere) still stops the hub before the JVM goes
        Thread hook = new Thread(this::closeOnce, "hub-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        requested.await();
        LOG.info("Stopping ({}): no new work is taken, work in flight finishes or stays for the next start; at most {}", reason, bound);
        long start = System.nanoTime();
        Thread stopping = new Thread(this::closeOnce, "hub-stop");
        stopping.start();
        stopping.join(bound.toMillis());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // the JVM is exiting for another reason; the hook does the same work
        }
        if (stopping.isAlive()) {
            LOG.error("The hub did not stop within {}, exiting anyway: {}", bound, stuckIn(stopping));
            // System.exit would run the JVM's shutdown hooks, which may wait on what holds the stop
            Runtime.getRuntime().halt(1);
        }
        LOG.info("Stopped in {} ms", took.toMillis());
        return 0;
    }

    private void signalled(Signal signal) {
        if (requested.getCount() == 0) {
            // a second Ctrl-C: the person at the terminal will not wait
            System.err.println("Second SIG" + signal.getName() + " while stopping: exiting at once");
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        reason = "SIG" + signal.getName();
        requested.countDown();
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            try {
                application.close();
            } catch (Exception e) {
                LOG.error("Error while stopping: {}", e.toString());
            }
        }
    }

    private static String stuckIn(Thread thread) {
        StringBuilder where = new StringBuilder("the stop is in");
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            where.append("\n\tat ").append(stack[i]);
        }
        return where.toString();
    }
}
