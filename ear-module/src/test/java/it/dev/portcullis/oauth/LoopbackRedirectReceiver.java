package it.dev.portcullis.oauth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a native MCP client does to receive the authorization response: a tiny HTTP server on 127.0.0.1, on
 * whatever port is free, answering {@code /cb} and handing over the query parameters.
 */
public final class LoopbackRedirectReceiver implements AutoCloseable {

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> parameters = new CompletableFuture<>();

    public LoopbackRedirectReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cb", exchange -> {
            parameters.complete(parse(exchange.getRequestURI().getRawQuery()));
            byte[] body = "<!DOCTYPE html><title>Done</title><p id=\"done\">You can close this window.</p>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The redirect URI on the port actually used, e.g. {@code http://127.0.0.1:43127/cb}. */
    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
    }

    public Map<String, String> await() throws Exception {
        return parameters.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                result.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }
}
