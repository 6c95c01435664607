package dev.portcullis.mcp.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP token endpoint on 127.0.0.1 (the JDK's server) for the unit tests: it records every request and
 * answers with the scripted response. The Keycloak ITs cover the real authorization server.
 */
final class LoopbackTokenServer implements AutoCloseable {

    record Seen(String authorization, String body) {}

    record Answer(int status, String json) {}

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger served = new AtomicInteger();
    private final HttpServer server;
    volatile Function<Integer, Answer> script = n -> token("t" + n, 300);
    volatile long delayMillis;
    volatile String metadata;

    LoopbackTokenServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/token", this::token);
        server.createContext("/.well-known/openid-configuration", this::metadata);
        server.start();
    }

    static Answer token(String value, int expiresIn) {
        return new Answer(
                200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Seen(exchange.getRequestHeaders().getFirst("Authorization"), body));
        int n = served.incrementAndGet();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Answer answer = script.apply(n);
        send(exchange, answer.status(), answer.json());
    }

    private void metadata(HttpExchange exchange) throws IOException {
        send(exchange, metadata == null ? 404 : 200, metadata == null ? "{}" : metadata);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
