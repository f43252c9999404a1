package io.supporthub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/** A small HTTP server on 127.0.0.1 that records what it receives and shows it at {@code /_sim/requests}. */
abstract class SimulatorServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW_BODY = "simulator.raw-body";
    private static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final int maxBodyBytes;
    private final List<Map<String, Object>> received = Collections.synchronizedList(new ArrayList<>());

    SimulatorServer(int port) throws IOException {
        this(port, 4, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param threads      requests served at once: a simulator that answers slowly on demand needs more than a few
     * @param maxBodyBytes the largest request body read; a larger one is refused with 413 rather than cut short
     */
    SimulatorServer(int port, int threads, int maxBodyBytes) throws IOException {
        this.executor = Executors.newFixedThreadPool(threads);
        this.maxBodyBytes = maxBodyBytes;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    List<Map<String, Object>> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Forgets what was received, for a simulator that starts over on demand. */
    void clearReceived() {
        received.clear();
    }

    /** Handles one request; returns false when nothing matched, which answers 404. */
    abstract boolean handle(HttpExchange exchange, String body) throws IOException;

    /** The request body as bytes, for a handler of binary uploads (the text given to {@link #handle} is UTF-8 decoded). */
    static byte[] rawBody(HttpExchange exchange) {
        return (byte[]) exchange.getAttribute(RAW_BODY);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readNBytes(maxBodyBytes + 1);
            }
            if (bytes.length > maxBodyBytes) {
                respond(exchange, 413, "application/json", "{\"error\":\"request_too_large\",\"limit_bytes\":" + maxBodyBytes + "}");
                return;
            }
            exchange.setAttribute(RAW_BODY, bytes);
            String body = new String(bytes, StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/_sim/requests") && exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(received()));
                return;
            }
            if (path.startsWith("/_sim/")) {
                // the inspection endpoints are not traffic to the simulated service: they are not recorded
                if (!handle(exchange, body)) {
                    respond(exchange, 404, "application/json", "{\"error\":\"not_found\",\"path\":\"" + path + "\"}");
                }
                return;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("at", Instant.now().toString());
            record.put("method", exchange.getRequestMethod());
            record.put("path", path);
            record.put("query", exchange.getRequestURI().getRawQuery());
            record.put("content_type", exchange.getRequestHeaders().getFirst("Content-Type"));
            record.put("body", isText(exchange.getRequestHeaders().getFirst("Content-Type")) ? body : "[" + bytes.length + " bytes]");
            received.add(record);
            if (!handle(exchange, body)) {
                respond(exchange, 404, "application/json", "{\"error\":\"not_found\",\"path\":\"" + path + "\"}");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "application/json", "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static boolean isText(String contentType) {
        return contentType == null || contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("form-urlencoded");
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static Map<String, String> form(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
