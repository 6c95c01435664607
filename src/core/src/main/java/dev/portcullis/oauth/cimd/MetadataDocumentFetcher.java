package dev.portcullis.oauth.cimd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Fetches a Client ID Metadata Document: https only, at most {@value #MAX_REDIRECTS} redirects each checked by
 * the {@link SsrfGuard}, at most {@value #MAX_BYTES} bytes, short timeouts. Returns the body and how long it may
 * be cached according to its {@code Cache-Control} header (nothing without one; never more than a day).
 */
public final class MetadataDocumentFetcher {

    static final int MAX_BYTES = 5 * 1024;
    static final int MAX_REDIRECTS = 3;
    static final Duration MAX_CACHE = Duration.ofDays(1);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final SsrfGuard guard;
    private final HttpClient http;
    private final Duration requestTimeout;

    /** Connect timeout 3 s, whole-request timeout 5 s. */
    public MetadataDocumentFetcher(SsrfGuard guard, SSLContext tls) {
        this(guard, tls, Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    MetadataDocumentFetcher(SsrfGuard guard, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder()
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** A fetched document: its bytes and how long it may be served from the cache. */
    public record Fetched(byte[] body, Duration cacheFor) {
    }

    public Fetched fetch(URI url) throws MetadataDocumentException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(current);
            HttpResponse<byte[]> response = send(current);
            if (REDIRECTS.contains(response.statusCode())) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new MetadataDocumentException("a redirect without a Location header");
                }
                current = current.resolve(location.get());
                continue;
            }
            if (response.statusCode() != 200) {
                throw new MetadataDocumentException("the document URL answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new MetadataDocumentException("the document is larger than " + MAX_BYTES + " bytes");
            }
            return new Fetched(response.body(), cacheFor(response.headers().firstValue("Cache-Control")));
        }
        throw new MetadataDocumentException("more than " + MAX_REDIRECTS + " redirects");
    }

    /**
     * The whole exchange, body included, within the request timeout: {@link HttpRequest#timeout} alone ends with the
     * response headers, and a host that then stalls its body would hold the authorization request's thread.
     */
    private HttpResponse<byte[]> send(URI url) throws MetadataDocumentException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = http.sendAsync(request, CappedBody.handler(MAX_BYTES));
        } catch (IllegalArgumentException e) {
            throw new MetadataDocumentException("the document URL is not usable");
        }
        try {
            return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new MetadataDocumentException("the document could not be fetched (Timeout: no complete answer within "
                    + requestTimeout.toMillis() + " ms)");
        } catch (ExecutionException e) {
            throw new MetadataDocumentException("the document could not be fetched ("
                    + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new MetadataDocumentException("interrupted while fetching the document");
        }
    }

    /** {@code max-age} from Cache-Control, capped; zero for no-store, no-cache or no header at all. */
    static Duration cacheFor(Optional<String> cacheControl) {
        if (cacheControl.isEmpty()) {
            return Duration.ZERO;
        }
        String value = cacheControl.get().toLowerCase(Locale.ROOT);
        if (value.contains("no-store") || value.contains("no-cache")) {
            return Duration.ZERO;
        }
        for (String directive : value.split(",")) {
            String d = directive.trim();
            if (d.startsWith("max-age=")) {
                try {
                    Duration age = Duration.ofSeconds(Long.parseLong(d.substring("max-age=".length()).replace("\"", "")));
                    return age.isNegative() ? Duration.ZERO : age.compareTo(MAX_CACHE) > 0 ? MAX_CACHE : age;
                } catch (NumberFormatException e) {
                    return Duration.ZERO;
                }
            }
        }
        return Duration.ZERO;
    }
}
