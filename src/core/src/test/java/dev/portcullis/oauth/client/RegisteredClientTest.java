package dev.portcullis.oauth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.oauth.model.RegisteredClient;
import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegisteredClientTest {

    private static RegisteredClient client(String clientId, String authMethod, RegisteredClient.Source source) {
        return new RegisteredClient(
                clientId,
                Json.createObjectBuilder()
                        .add("token_endpoint_auth_method", authMethod)
                        .build(),
                source,
                Instant.EPOCH);
    }

    @Test
    void identityProvenWhenPublicSelfRegisteredThenNot() {
        assertThat(client("abc", "none", RegisteredClient.Source.DYNAMIC_REGISTRATION)
                        .identityProven())
                .isFalse();
    }

    @Test
    void identityProvenWhenConfidentialThenYes() {
        assertThat(client("abc", "client_secret_basic", RegisteredClient.Source.DYNAMIC_REGISTRATION)
                        .identityProven())
                .isTrue();
        assertThat(client("abc", "private_key_jwt", RegisteredClient.Source.DYNAMIC_REGISTRATION)
                        .identityProven())
                .isTrue();
    }

    @Test
    void identityProvenWhenMetadataDocumentAtHttpsUrlThenYesEvenIfPublic() {
        assertThat(client("https://app.example/client.json", "none", RegisteredClient.Source.METADATA_DOCUMENT)
                        .identityProven())
                .isTrue();
    }
}
