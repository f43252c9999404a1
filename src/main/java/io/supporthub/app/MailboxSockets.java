package io.supporthub.app;

import io.supporthub.app.flow.HubStopping;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox connections' sockets, so a stop can close them: a server that stopped answering holds its poll in a read
 * for up to the mailbox timeout (60 s), past any stop bound. Closing the socket ends that read at once; what the poll had
 * not committed stays unseen in the mailbox, and a committed batch not yet flagged is flagged by the next poll.
 */
final class MailboxSockets implements HubStopping {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxSockets.class);

    /** Weak: a socket a poll closed and dropped is forgotten without bookkeeping. */
    private final Set<Socket> open = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Duration grace;

    /** @param grace how long a poll may go on after the stop begins (its batch commits and is flagged) before its socket is closed */
    MailboxSockets(Duration grace) {
        this.grace = grace;
    }

    /** Jakarta Mail settings that make the IMAP session's sockets through this tracker (instances: set with put, not setProperty). */
    void configure(Properties properties) {
        properties.put("mail.imap.socketFactory", new Tracking(SocketFactory.getDefault()));
        try {
            properties.put("mail.imaps.ssl.socketFactory", new TrackingTls(SSLContext.getDefault().getSocketFactory()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no default TLS context", e);
        }
    }

    @Override
    public void hubStopping() {
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeAll();
        }, "mailbox-sockets-closer");
        closer.setDaemon(true);
        closer.start();
    }

    void closeAll() {
        List<Socket> sockets;
        synchronized (open) {
            sockets = new ArrayList<>(open);
            open.clear();
        }
        sockets.removeIf(Socket::isClosed);
        if (!sockets.isEmpty()) {
            LOG.info("Stopping: closing {} mailbox connection(s) still open after {}; their mail not committed stays unseen", sockets.size(), grace);
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted; a socket that fails to close is gone with the process
            }
        }
    }

    private Socket track(Socket socket) {
        open.add(socket);
        return socket;
    }

    private final class Tracking extends SocketFactory {
        private final SocketFactory delegate;

        Tracking(SocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return track(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    private final class TrackingTls extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        TrackingTls(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return track(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return track(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
