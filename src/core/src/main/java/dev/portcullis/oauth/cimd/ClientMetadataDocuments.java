package dev.portcullis.oauth.cimd;

import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.registration.ClientMetadataValidator;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a {@code client_id} that is an https URL to the client its metadata document describes. The document
 * must be a JSON object whose {@code client_id} equals the URL exactly, with {@code client_name} and
 * {@code redirect_uris}, no secret, and a non-secret auth method; it then passes the same checks as a dynamic
 * registration. Good documents are cached as their {@code Cache-Control} allows.
 *
 * <p>The token and revocation endpoints resolve documents for callers that have not authenticated, so a fetch is
 * bounded in every way a hostile caller could stretch it ({@link FetchLimits}): it runs on a bounded executor (the
 * application's {@code java:app/concurrent/cimdFetches}), the caller waits at most the fetcher's deadline, at most
 * {@code maxPerHost} fetches run against one host:port and at most {@code maxInFlight} in all (the rest are refused
 * at once, not queued), and a failure is remembered for {@code failureCacheFor}, so a slow or broken host is asked
 * once per period however often its URL is presented.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-oauth-client-id-metadata-document/">Client ID Metadata Document</a>
 */
public final class ClientMetadataDocuments {

    private static final int MAX_CACHED = 1_000;

    private final MetadataDocumentFetcher fetcher;
    private final ClientMetadataValidator validator;
    private final Clock clock;
    private final Executor executor;
    private final FetchLimits limits;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Failed> failures = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    private final Semaphore inFlight;

    /**
     * How far fetches may go: per host:port and in all at once, and how long a failure is remembered.
     *
     * @param maxPerHost concurrent fetches against one host:port ({@code portcullis.oauth.cimd.max-fetches-per-host})
     * @param maxInFlight concurrent fetches in all ({@code portcullis.oauth.cimd.max-fetches})
     * @param failureCacheFor how long a failed document is refused without fetching again
     *        ({@code portcullis.oauth.cimd.failure-cache})
     */
    public record FetchLimits(int maxPerHost, int maxInFlight, Duration failureCacheFor) {

        public static FetchLimits defaults() {
            return new FetchLimits(2, 8, Duration.ofMinutes(1));
        }
    }

    /** Default limits, fetching on the calling thread (tests). */
    public ClientMetadataDocuments(MetadataDocumentFetcher fetcher, ClientMetadataValidator validator, Clock clock) {
        this(fetcher, validator, clock, Runnable::run, FetchLimits.defaults());
    }

    public ClientMetadataDocuments(
            MetadataDocumentFetcher fetcher,
            ClientMetadataValidator validator,
            Clock clock,
            Executor executor,
            FetchLimits limits) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.inFlight = new Semaphore(limits.maxInFlight());
    }

    /** Whether {@code clientId} is meant as a metadata document URL rather than a registered id. */
    public static boolean isDocumentUrl(String clientId) {
        return clientId != null && clientId.regionMatches(true, 0, "https://", 0, 8);
    }

    /** Whether {@link #resolve} would answer {@code clientId} from the cache, without a fetch. */
    public boolean cached(String clientId) {
        Cached cached = cache.get(clientId);
        return cached != null && clock.instant().isBefore(cached.expires);
    }

    public RegisteredClient resolve(String clientId) throws MetadataDocumentException {
        Cached cached = cache.get(clientId);
        if (cached != null && clock.instant().isBefore(cached.expires)) {
            return cached.client;
        }
        URI url = checkedUrl(clientId);
        Failed failed = failures.get(clientId);
        if (failed != null) {
            if (clock.instant().isBefore(failed.until)) {
                throw new MetadataDocumentException(
                        "the document failed recently (" + failed.reason + "); it is fetched again after "
                                + limits.failureCacheFor().toSeconds() + " s");
            }
            failures.remove(clientId, failed);
        }
        MetadataDocumentFetcher.Fetched fetched = fetchLimited(url);
        RegisteredClient client;
        try {
            client = new RegisteredClient(
                    clientId, validated(clientId, fetched.body()), RegisteredClient.Source.METADATA_DOCUMENT);
        } catch (MetadataDocumentException e) {
            rememberFailure(clientId, e);
            throw e;
        }
        if (!fetched.cacheFor().isZero()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(clientId, new Cached(client, clock.instant().plus(fetched.cacheFor())));
        } else {
            cache.remove(clientId);
        }
        return client;
    }

    /**
     * Fetches on the executor within the fetcher's deadline, holding a slot of the host and of the total while the
     * fetch runs (also after the caller stopped waiting). Refusals for want of a slot are not remembered: they say
     * nothing about the document.
     */
    private MetadataDocumentFetcher.Fetched fetchLimited(URI url) throws MetadataDocumentException {
        String clientId = url.toString();
        String hostKey = url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort();
        if (perHost.size() > MAX_CACHED) {
            perHost.values().removeIf(s -> s.availablePermits() == limits.maxPerHost());
        }
        Semaphore host = perHost.computeIfAbsent(hostKey, k -> new Semaphore(limits.maxPerHost()));
        if (!host.tryAcquire()) {
            throw new MetadataDocumentException("too many concurrent document fetches from this host; retry later");
        }
        if (!inFlight.tryAcquire()) {
            host.release();
            throw new MetadataDocumentException("too many concurrent document fetches; retry later");
        }
        FutureTask<MetadataDocumentFetcher.Fetched> task = new FutureTask<>(() -> {
            try {
                return fetcher.fetch(url);
            } finally {
                host.release();
                inFlight.release();
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            host.release();
            inFlight.release();
            throw new MetadataDocumentException("no thread is free to fetch the document; retry later");
        }
        try {
            // The fetch ends itself at its deadline; the margin covers scheduling, never a slow host.
            return task.get(fetcher.deadline().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw rememberFailure(
                    clientId,
                    new MetadataDocumentException("the document could not be fetched (Timeout: "
                            + "no complete answer within " + fetcher.deadline().toMillis() + " ms)"));
        } catch (ExecutionException e) {
            throw rememberFailure(
                    clientId,
                    e.getCause() instanceof MetadataDocumentException m
                            ? m
                            : new MetadataDocumentException("the document could not be fetched ("
                                    + e.getCause().getClass().getSimpleName() + ")"));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new MetadataDocumentException("interrupted while fetching the document");
        }
    }

    private MetadataDocumentException rememberFailure(String clientId, MetadataDocumentException failure) {
        if (limits.failureCacheFor().isZero()) {
            return failure;
        }
        if (failures.size() >= MAX_CACHED) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> !now.isBefore(f.until));
            if (failures.size() >= MAX_CACHED) {
                failures.clear();
            }
        }
        failures.put(clientId, new Failed(failure.getMessage(), clock.instant().plus(limits.failureCacheFor())));
        return failure;
    }

    /** How many fetches run now (for the health output). */
    public int fetchesInFlight() {
        return limits.maxInFlight() - inFlight.availablePermits();
    }

    /** CIMD section 3: https, a path, no dot segments, no fragment, no user information, no query. */
    static URI checkedUrl(String clientId) throws MetadataDocumentException {
        URI url;
        try {
            url = new URI(clientId);
        } catch (URISyntaxException e) {
            throw new MetadataDocumentException("the client_id is not a valid URL");
        }
        String path = url.getRawPath();
        if (!"https".equals(url.getScheme())
                || url.getHost() == null
                || path == null
                || path.isEmpty()
                || "/".equals(path)) {
            throw new MetadataDocumentException("the client_id must be an https URL with a path");
        }
        if (url.getRawFragment() != null || url.getRawUserInfo() != null || url.getRawQuery() != null) {
            throw new MetadataDocumentException("the client_id must not have a fragment, user information or query");
        }
        if (List.of(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new MetadataDocumentException("the client_id must not contain . or .. path segments");
        }
        return url;
    }

    private JsonObject validated(String clientId, byte[] body) throws MetadataDocumentException {
        JsonObject document;
        try {
            JsonValue value = JsonInput.read(body);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MetadataDocumentException("the document is not a JSON object");
            }
            document = value.asJsonObject();
        } catch (JsonException e) {
            throw new MetadataDocumentException("the document is not valid JSON");
        }
        if (!clientId.equals(document.getString("client_id", null))) {
            throw new MetadataDocumentException("the document's client_id is not exactly its URL");
        }
        if (!document.containsKey("client_name") || !document.containsKey("redirect_uris")) {
            throw new MetadataDocumentException("the document must have client_name and redirect_uris");
        }
        if (document.containsKey("client_secret") || document.containsKey("client_secret_expires_at")) {
            throw new MetadataDocumentException("the document must not contain a client secret");
        }
        String method = document.getString("token_endpoint_auth_method", "none");
        if (!"none".equals(method)) {
            throw new MetadataDocumentException("a metadata document client must use token_endpoint_auth_method none");
        }
        try {
            return validator.validate(Jsons.PROVIDER
                    .createObjectBuilder(document)
                    .remove("client_id")
                    .add("token_endpoint_auth_method", "none")
                    .build());
        } catch (OAuthException e) {
            throw new MetadataDocumentException(
                    "the document's metadata is invalid: " + e.error().description());
        }
    }

    private record Cached(RegisteredClient client, Instant expires) {}

    private record Failed(String reason, Instant until) {}
}
