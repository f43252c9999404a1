package io.supporthub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port that was free a moment ago, for servers that must be told their port up front. Never the same port twice in
 * one test run: the system may hand out a port again as soon as it is closed, and a test asking for six ports at once
 * (the sandbox's) then gave two servers the same one.
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = anyFree();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port that was not handed out before, after 100 attempts");
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
