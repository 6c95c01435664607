package dev.portcullis.oauth.cimd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Fetches a Client ID Metadata Document: https only, at most {@value #MAX_REDIRECTS} redirects each checked by
 * the {@link SsrfGuard}, at most {@value #MAX_BYTES} bytes, one deadline for the whole fetch (every hop, headers and
 * body). Each hop connects to the addresses the guard approved ({@link PinnedHttpsExchange}), never re-resolving.
 * Returns the body and how long it may be cached according to its {@code Cache-Control} header (nothing without
 * one; never more than a day).
 */
public final class MetadataDocumentFetcher {

    static final int MAX_BYTES = 5 * 1024;
    static final int MAX_REDIRECTS = 3;
    static final Duration MAX_CACHE = Duration.ofDays(1);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final SsrfGuard guard;
    private final PinnedHttpsExchange http;
    private final Duration connectTimeout;
    private final Duration deadline;
    private final Clock clock;

    /** Connect timeout 3 s, the whole fetch within 5 s. */
    public MetadataDocumentFetcher(SsrfGuard guard, SSLContext tls, Clock clock) {
        this(guard, tls, Duration.ofSeconds(3), Duration.ofSeconds(5), clock);
    }

    /** {@code deadline} bounds the whole fetch, redirects included, as {@code clock} tells the time. */
    public MetadataDocumentFetcher(
            SsrfGuard guard, SSLContext tls, Duration connectTimeout, Duration deadline, Clock clock) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.http = new PinnedHttpsExchange(Objects.requireNonNull(tls, "tls"), clock);
    }

    /** A fetched document: its bytes and how long it may be served from the cache. */
    public record Fetched(byte[] body, Duration cacheFor) {}

    /** The fetch's deadline: the whole fetch, redirects included, ends within it. */
    public Duration deadline() {
        return deadline;
    }

    public Fetched fetch(URI url) throws MetadataDocumentException {
        Instant until = clock.instant().plus(deadline);
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            List<InetAddress> addresses = guard.check(current);
            PinnedHttpsExchange.Response response = send(current, addresses, until);
            if (REDIRECTS.contains(response.status())) {
                Optional<String> location = response.header("Location");
                if (location.isEmpty()) {
                    throw new MetadataDocumentException("a redirect without a Location header");
                }
                try {
                    current = current.resolve(location.get());
                } catch (IllegalArgumentException e) {
                    throw new MetadataDocumentException("a redirect to an invalid Location");
                }
                continue;
            }
            if (response.status() != 200) {
                throw new MetadataDocumentException("the document URL answered HTTP " + response.status());
            }
            if (response.body().length > MAX_BYTES) {
                throw new MetadataDocumentException("the document is larger than " + MAX_BYTES + " bytes");
            }
            return new Fetched(response.body(), cacheFor(response.header("Cache-Control")));
        }
        throw new MetadataDocumentException("more than " + MAX_REDIRECTS + " redirects");
    }

    private PinnedHttpsExchange.Response send(URI url, List<InetAddress> addresses, Instant until)
            throws MetadataDocumentException {
        try {
            return http.get(url, addresses, MAX_BYTES, connectTimeout.toMillis(), until);
        } catch (SocketTimeoutException e) {
            throw new MetadataDocumentException("the document could not be fetched (Timeout: no complete answer within "
                    + deadline.toMillis() + " ms)");
        } catch (IOException | RuntimeException e) {
            throw new MetadataDocumentException(
                    "the document could not be fetched (" + e.getClass().getSimpleName() + ")");
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
                    Duration age = Duration.ofSeconds(
                            Long.parseLong(d.substring("max-age=".length()).replace("\"", "")));
                    return age.isNegative() ? Duration.ZERO : age.compareTo(MAX_CACHE) > 0 ? MAX_CACHE : age;
                } catch (NumberFormatException e) {
                    return Duration.ZERO;
                }
            }
        }
        return Duration.ZERO;
    }
}
