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

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Map<String, Object>> received = Collections.synchronizedList(new ArrayList<>());

    SimulatorServer(int port) throws IOException {
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

    /** Handles one request; returns false when nothing matched, which answers 404. */
    abstract boolean handle(HttpExchange exchange, String body) throws IOException;

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/_sim/requests") && exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(received()));
                return;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("at", Instant.now().toString());
            record.put("method", exchange.getRequestMethod());
            record.put("path", path);
            record.put("query", exchange.getRequestURI().getRawQuery());
            record.put("content_type", exchange.getRequestHeaders().getFirst("Content-Type"));
            record.put("body", body);
            received.add(record);
            if (!handle(exchange, body)) {
                respond(exchange, 404, "application/json", "{\"error\":\"not_found\",\"path\":\"" + path + "\"}");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "application/json", "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
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
