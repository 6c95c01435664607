package dev.portcullis.oauth.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client the authorization server knows, whether registered through RFC 7591, described by a Client ID Metadata
 * Document, or provisioned by the operator as a machine client. {@code metadata} is the validated RFC 7591 metadata.
 */
public record RegisteredClient(String clientId, JsonObject metadata, Source source) {

    /** Where the client's metadata came from. */
    public enum Source { DYNAMIC_REGISTRATION, METADATA_DOCUMENT, OPERATOR }

    public RegisteredClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(source, "source");
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
        return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
