package it.dev.portcullis.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A loopback plain-HTTP front for the HTTPS server, for the conformance suite: some of its scenarios speak plain
 * {@code http} only, and Node checks the certificate against a forged {@code Host}, which the DNS-rebinding scenario
 * sends on purpose. The proxy forwards method, path, headers (including {@code Host} and {@code Origin}) and body,
 * verifies TLS properly towards the server, and streams responses back unbuffered so SSE keeps working. It is also
 * where a test would add an {@code Authorization} header once {@code /mcp} requires tokens.
 */
final class PlainHttpProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "transfer-encoding",
            "keep-alive",
            "upgrade",
            "expect",
            "te",
            "trailer",
            "proxy-connection");

    private final HttpServer server;
    private final HttpClient client;
    private final URI target;

    private PlainHttpProxy(HttpServer server, HttpClient client, URI target) {
        this.server = server;
        this.client = client;
        this.target = target;
    }

    /** Starts a proxy on a free loopback port that forwards to {@code target} (scheme://host:port). */
    static PlainHttpProxy start(URI target, HttpClient client) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        PlainHttpProxy proxy = new PlainHttpProxy(server, client, target);
        server.createContext("/", proxy::forward);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return proxy;
    }

    URI url(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            target.resolve(exchange.getRequestURI().toString()))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            boolean empty = response.statusCode() == 204
                    || response.statusCode() == 202
                    || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : 0);
            if (!empty) {
                copy(response.body(), exchange.getResponseBody());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        try (in;
                out) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
