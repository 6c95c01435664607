package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client configuration management (RFC 7592): read, full replace and delete with the registration access token. */
class ClientConfigurationIT {

    private final RegistrationApi api = new RegistrationApi(LibertyServer.current());
    private JsonObject client;
    private String clientId;
    private String token;

    @BeforeEach
    void register() throws Exception {
        HttpResponse<String> response = api.register(
                "{\"client_name\":\"" + RegistrationApi.uniqueName("rfc7592")
                        + "\",\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"client_secret_post\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        client = RegistrationApi.json(response);
        clientId = client.getString("client_id");
        token = client.getString("registration_access_token");
    }

    @Test
    void readWhenTokenValidThen200WithSameMetadataButNoSecret() throws Exception {
        HttpResponse<String> response = api.read(clientId, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject read = RegistrationApi.json(response);
        assertThat(read.getString("client_id")).isEqualTo(clientId);
        assertThat(read.getString("client_name")).isEqualTo(client.getString("client_name"));
        assertThat(read.get("redirect_uris")).isEqualTo(client.get("redirect_uris"));
        assertThat(read.get("client_id_issued_at")).isEqualTo(client.get("client_id_issued_at"));
        assertThat(read.getJsonNumber("client_secret_expires_at").longValue()).isZero();
        assertThat(read.getString("registration_client_uri")).isEqualTo(client.getString("registration_client_uri"));
        assertThat(read).doesNotContainKey("client_secret"); // stored only as a hash
    }

    @Test
    void updateWhenFullReplacementThen200AndOmittedFieldsGoBackToDefaults() throws Exception {
        HttpResponse<String> response = api.update(
                clientId,
                token,
                "{\"client_id\":\"" + clientId
                        + "\",\"client_secret\":\"" + client.getString("client_secret")
                        + "\",\"client_name\":\"Replaced\","
                        + "\"redirect_uris\":[\"https://app.example/new\"],\"token_endpoint_auth_method\":\"client_secret_post\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject updated = RegistrationApi.json(api.read(clientId, token));
        assertThat(updated.getString("client_name")).isEqualTo("Replaced");
        assertThat(updated.getJsonArray("redirect_uris").getString(0)).isEqualTo("https://app.example/new");
    }

    @Test
    void updateWhenBodyBreaksRfc7592RulesThen400InvalidClientMetadata() throws Exception {
        String uris = ",\"redirect_uris\":[\"https://app.example/cb\"]";
        ClientRegistrationIT.assertError(
                api.update(clientId, token, "{\"client_name\":\"no id\"" + uris + "}"), "invalid_client_metadata");
        ClientRegistrationIT.assertError(
                api.update(clientId, token, "{\"client_id\":\"other\"" + uris + "}"), "invalid_client_metadata");
        ClientRegistrationIT.assertError(
                api.update(
                        clientId,
                        token,
                        "{\"client_id\":\"" + clientId + "\",\"registration_access_token\":\"" + token + "\"" + uris
                                + "}"),
                "invalid_client_metadata");
        ClientRegistrationIT.assertError(
                api.update(
                        clientId,
                        token,
                        "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"wrong\"" + uris + "}"),
                "invalid_client_metadata");
        ClientRegistrationIT.assertError(
                api.update(
                        clientId,
                        token,
                        "{\"client_id\":\"" + clientId + "\",\"redirect_uris\":[\"javascript:alert(1)\"]}"),
                "invalid_redirect_uri");
    }

    @Test
    void deleteWhenTokenValidThen204AndTokenStopsWorking() throws Exception {
        HttpResponse<String> deleted = api.delete(clientId, token);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertUnauthorized(api.read(clientId, token));
        assertUnauthorized(api.delete(clientId, token));
    }

    @Test
    void operationsWhenTokenWrongMissingOrClientUnknownThen401() throws Exception {
        assertUnauthorized(api.read(clientId, "wrong-token"));
        assertUnauthorized(api.read(clientId, null));
        assertUnauthorized(api.read("no-such-client", token));
        assertUnauthorized(api.update(clientId, "wrong-token", "{\"client_id\":\"" + clientId + "\"}"));
        assertUnauthorized(api.update(clientId, "wrong-token", "not even json"));
        assertUnauthorized(api.delete(clientId, "wrong-token"));
        assertThat(api.read(clientId, token).statusCode())
                .as("the client survived the attempts")
                .isEqualTo(200);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(RegistrationApi.json(response).getString("error")).isEqualTo("invalid_token");
    }
}
