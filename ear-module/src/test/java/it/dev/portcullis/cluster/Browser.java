package it.dev.portcullis.cluster;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's browser as far as the server can tell: a cookie jar, no automatic redirects (each one is a request of its
 * own through the balancer), and an {@code X-Request-Id} on every request ({@code <tag>-<n>}) so that the balancer's
 * log and the nodes' access logs show which node served which request.
 */
final class Browser {

    private final URI base;
    private final String tag;
    private final AtomicInteger counter = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder()
            .sslContext(Https.trustingServer(LibertyServer.current()))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Browser(URI base, String tag) {
        this.base = base;
        this.tag = tag;
    }

    /** The tag every request id of this browser starts with. */
    String tag() {
        return tag;
    }

    /** The id the last request carried. */
    String lastId() {
        return tag + "-" + String.format("%03d", counter.get());
    }

    /** The id the next request will carry. */
    String nextId() {
        return tag + "-" + String.format("%03d", counter.incrementAndGet());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows a redirect's Location (on the balancer's origin). */
    HttpResponse<String> follow(HttpResponse<?> redirect) throws IOException, InterruptedException {
        URI location = base.resolve(redirect.headers().firstValue("Location").orElseThrow());
        return get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        return client.send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("X-Request-Id", nextId());
    }

    static String form(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
