package dev.portcullis.oauth.model;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;

/**
 * A machine client the operator provisioned in configuration: it may use only the {@code client_credentials} grant,
 * authenticates with a secret whose PBKDF2 hash is configured, and gets at most the configured {@code scopes}.
 */
public record MachineClient(String clientId, String secretHash, String authMethod, String name, List<String> scopes) {

    public MachineClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(authMethod, "authMethod");
        scopes = List.copyOf(scopes);
    }

    /** The client as the token endpoint sees it: RFC 7591 metadata of a confidential client_credentials client. */
    public RegisteredClient asRegisteredClient() {
        JsonObjectBuilder metadata = Jsons.PROVIDER
                .createObjectBuilder()
                .add("token_endpoint_auth_method", authMethod)
                .add("grant_types", Jsons.PROVIDER.createArrayBuilder().add("client_credentials"))
                .add("response_types", Jsons.PROVIDER.createArrayBuilder())
                .add("redirect_uris", Jsons.PROVIDER.createArrayBuilder());
        if (name != null) {
            metadata.add("client_name", name);
        }
        if (!scopes.isEmpty()) {
            metadata.add("scope", String.join(" ", scopes));
        }
        return new RegisteredClient(clientId, metadata.build(), RegisteredClient.Source.OPERATOR);
    }
}
