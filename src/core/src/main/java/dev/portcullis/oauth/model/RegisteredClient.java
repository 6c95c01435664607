package dev.portcullis.oauth.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client the authorization server knows, whether registered through RFC 7591, described by a Client ID Metadata
 * Document, or provisioned by the operator as a machine client. {@code metadata} is the validated RFC 7591 metadata;
 * {@code registeredAt} is when this server registered it (null for a metadata-document or operator client, which is
 * never registered here).
 */
public record RegisteredClient(String clientId, JsonObject metadata, Source source, Instant registeredAt) {

    /** Where the client's metadata came from. */
    public enum Source {
        DYNAMIC_REGISTRATION,
        METADATA_DOCUMENT,
        OPERATOR
    }

    public RegisteredClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(source, "source");
    }

    /** A client whose registration time is not known or does not apply. */
    public RegisteredClient(String clientId, JsonObject metadata, Source source) {
        this(clientId, metadata, source, null);
    }

    public List<String> redirectUris() {
        return strings("redirect_uris");
    }

    public List<String> grantTypes() {
        return strings("grant_types");
    }

    public String tokenEndpointAuthMethod() {
        return metadata.getString("token_endpoint_auth_method", "client_secret_basic");
    }

    /** Whether the client authenticates with a secret at the token endpoint. */
    public boolean confidential() {
        return !"none".equals(tokenEndpointAuthMethod());
    }

    /**
     * Whether something other than its redirect URI proves who the client is: a secret (or key) at the token
     * endpoint, or a {@code client_id} that is an https URL the client's metadata document is served from. A public
     * client registered through RFC 7591 proves nothing: any program can register the same loopback or private-use
     * redirect URI and the same name.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-8.6">RFC 8252 section 8.6</a>
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.1.1">RFC 9700 section 4.1.1</a>
     */
    public boolean identityProven() {
        return confidential()
                || (source == Source.METADATA_DOCUMENT && clientId.regionMatches(true, 0, "https://", 0, 8));
    }

    public Optional<String> clientName() {
        return Optional.ofNullable(metadata.getString("client_name", null));
    }

    public Optional<String> scope() {
        return Optional.ofNullable(metadata.getString("scope", null));
    }

    private List<String> strings(String field) {
        JsonValue value = metadata.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
