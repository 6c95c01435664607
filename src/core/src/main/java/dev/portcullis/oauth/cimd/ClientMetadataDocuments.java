package dev.portcullis.oauth.cimd;

import dev.portcullis.mcp.protocol.JsonInput;
import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.oauth.client.RegisteredClient;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.registration.ClientMetadataValidator;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a {@code client_id} that is an https URL to the client its metadata document describes. The document
 * must be a JSON object whose {@code client_id} equals the URL exactly, with {@code client_name} and
 * {@code redirect_uris}, no secret, and a non-secret auth method; it then passes the same checks as a dynamic
 * registration. Good documents are cached as their {@code Cache-Control} allows; failures are never cached.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-oauth-client-id-metadata-document/">Client ID Metadata Document</a>
 */
public final class ClientMetadataDocuments {

    private static final int MAX_CACHED = 1_000;

    private final MetadataDocumentFetcher fetcher;
    private final ClientMetadataValidator validator;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ClientMetadataDocuments(MetadataDocumentFetcher fetcher, ClientMetadataValidator validator, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code clientId} is meant as a metadata document URL rather than a registered id. */
    public static boolean isDocumentUrl(String clientId) {
        return clientId != null && clientId.regionMatches(true, 0, "https://", 0, 8);
    }

    public RegisteredClient resolve(String clientId) throws MetadataDocumentException {
        Cached cached = cache.get(clientId);
        if (cached != null && clock.instant().isBefore(cached.expires)) {
            return cached.client;
        }
        URI url = checkedUrl(clientId);
        MetadataDocumentFetcher.Fetched fetched = fetcher.fetch(url);
        RegisteredClient client = new RegisteredClient(clientId, validated(clientId, fetched.body()),
                RegisteredClient.Source.METADATA_DOCUMENT);
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

    /** CIMD section 3: https, a path, no dot segments, no fragment, no user information, no query. */
    static URI checkedUrl(String clientId) throws MetadataDocumentException {
        URI url;
        try {
            url = new URI(clientId);
        } catch (URISyntaxException e) {
            throw new MetadataDocumentException("the client_id is not a valid URL");
        }
        String path = url.getRawPath();
        if (!"https".equals(url.getScheme()) || url.getHost() == null || path == null || path.isEmpty() || "/".equals(path)) {
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
            return validator.validate(Jsons.PROVIDER.createObjectBuilder(document).remove("client_id")
                    .add("token_endpoint_auth_method", "none").build());
        } catch (OAuthException e) {
            throw new MetadataDocumentException("the document's metadata is invalid: " + e.error().description());
        }
    }

    private record Cached(RegisteredClient client, Instant expires) {
    }
}
