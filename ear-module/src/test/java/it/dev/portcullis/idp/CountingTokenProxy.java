package it.dev.portcullis.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import it.dev.portcullis.support.Https;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP proxy in front of Keycloak's token endpoint that counts the token requests passing through and
 * keeps their bodies, so a test can assert how many requests Portcullis made (caching, single flight) and what it
 * sent (the subject token of an exchange). It forwards each request to Keycloak over HTTPS unchanged.
 */
final class CountingTokenProxy implements AutoCloseable {

    final List<String> bodies = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final URI target;

    CountingTokenProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/token", this::forward);
        server.start();
    }

    String tokenEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    int count() {
        return bodies.size();
    }

    private void forward(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response =
                    Https.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders()
                    .add(
                            "Content-Type",
                            response.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
